"""Scorers that measure Marsad's components against gold sets."""
