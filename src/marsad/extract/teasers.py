"""Other stories shown inside a page: headline links, and the summary printed under each.

A block of the main text that is wholly a link to another page, or the sentence that sits
right under a linked headline (a story card), is not part of the article. Many of them, and
little else, make a list of stories: a section front or a tag page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.arabic.normalize import fold
from marsad.extract.markup import glue
from marsad.model import Removed

#: A link's text of this many words is a headline (shorter ones are menus, authors, tags).
MIN_LINK_WORDS = 4
#: A linked headline has at least this many words, and its links cover this share of it.
MIN_HEADING_WORDS = 3
LINKED_SHARE = 0.8
#: A card's summary has at least this many words; so many siblings are looked at for it.
MIN_TEASER_WORDS = 6
CARD_SIBLINGS = 3

Block = tuple[str, bool]


@dataclass(frozen=True, slots=True)
class StoryLinks:
    """Texts of links to other stories and of the summaries under linked headlines."""

    links: frozenset[str]
    teasers: frozenset[str]

    def split(
        self, blocks: list[Block], title: str | None
    ) -> tuple[list[Block], tuple[Removed, ...], int]:
        """The blocks without story links and card summaries; what went; how many summaries.

        The headline is kept even when the page links it to itself.
        """
        headline = fold(title) if title else None
        kept: list[Block] = []
        removed: list[Removed] = []
        summaries = 0
        for block in blocks:
            text = block[0]
            if text in self.links and fold(text) != headline:
                removed.append(Removed(text, "link to another story"))
            elif text in self.teasers:
                removed.append(Removed(text, "summary of another story"))
                summaries += 1
            else:
                kept.append(block)
        return kept, tuple(removed), summaries


def story_links(tree: Any) -> StoryLinks:
    """Find the story links and card summaries of a parsed page."""
    links = set()
    for anchor in tree.xpath("//a[@href]"):
        href = anchor.get("href", "").strip()
        if href and not href.startswith(("#", "javascript:")):
            text = glue(anchor.itertext())
            if len(text.split()) >= MIN_LINK_WORDS:
                links.add(text)
    teasers = set()
    for heading in tree.xpath("//*[self::h2 or self::h3 or self::h4][.//a[@href]]"):
        text = glue(heading.itertext())
        linked = " ".join(glue(a.itertext()) for a in heading.iter("a"))
        if len(text.split()) >= MIN_HEADING_WORDS and len(linked) >= LINKED_SHARE * len(text):
            summary = _card_summary(heading)
            if summary:
                teasers.add(summary)
    return StoryLinks(frozenset(links), frozenset(teasers))


def _card_summary(heading: Any) -> str | None:
    """The first sentence-long sibling after a linked headline, unless it is links itself."""
    for sibling in list(heading.itersiblings())[:CARD_SIBLINGS]:
        if not isinstance(sibling.tag, str) or sibling.tag in ("h1", "h2", "h3", "h4"):
            return None
        text = glue(sibling.itertext())
        if len(text.split()) < MIN_TEASER_WORDS:
            continue
        linked = sum(len(glue(a.itertext())) for a in sibling.iter("a"))
        return None if linked >= LINKED_SHARE * len(text) else text
    return None
