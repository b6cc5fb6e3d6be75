"""Extraction: from a raw document (text dump or HTML) to a clean Article."""
