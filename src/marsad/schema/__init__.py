"""The JSON Schema of the analysed-article record."""
