"""Arabic text core: normalisation, and later sentences, tokens, numbers and dates."""
