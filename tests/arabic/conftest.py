"""Shared, loaded-once Arabic text core objects (their data files are read in constructors)."""

from __future__ import annotations

import pytest

from marsad.arabic.dates import DateTagger
from marsad.arabic.numbers import NumberReader
from marsad.arabic.quantities import QuantityFinder
from marsad.arabic.sentences import SentenceSplitter
from marsad.arabic.tokens import Tokenizer


@pytest.fixture(scope="session")
def splitter() -> SentenceSplitter:
    return SentenceSplitter.load()


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer.load()


@pytest.fixture(scope="session")
def numbers() -> NumberReader:
    return NumberReader.load()


@pytest.fixture(scope="session")
def dates() -> DateTagger:
    return DateTagger.load()


@pytest.fixture(scope="session")
def quantities(numbers: NumberReader) -> QuantityFinder:
    return QuantityFinder.load(numbers)
