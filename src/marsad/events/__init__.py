"""Event coding resources: the PLOVER/CAMEO ontology and the Arabic trigger lexicon."""

from marsad.events.ontology import CameoCode, EventType, Mode, Ontology, Trigger

__all__ = ["CameoCode", "EventType", "Mode", "Ontology", "Trigger"]
