"""Named entities: the CRF tagger (``ner.py``), its features and lexicons, and (later) linking."""

from marsad.entities.ner import EntitySpan, NerTagger

__all__ = ["EntitySpan", "NerTagger"]
