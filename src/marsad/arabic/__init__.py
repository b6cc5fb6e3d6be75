"""Arabic text core: offset-preserving normalisation, sentences, tokens and clitics, numbers,
dates and times, quantities, and the pipeline stages that use them (``arabic.stages``)."""
