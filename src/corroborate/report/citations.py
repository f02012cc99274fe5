"""Lines that cite their sentences: the citation numbering and the wording of each line.

One :class:`Writer` serves the whole report, so a sentence cited by the per-article part
and again by the part across articles keeps one label, and a claim is worded once. Labels
are numbered in the order the report first cites them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from corroborate.models import ArticleAnalysis, Claim, Span
from corroborate.models import VerificationStatement as Statement
from corroborate.report.records import (
    Citation,
    ClaimLine,
    ContradictionLine,
    VerificationLine,
    article_label,
    join_names,
    one_line,
    source_name,
)


class Citations:
    """Numbers source sentences in the order the report first cites them."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, int, int], Citation] = {}

    def cite(self, analysis: ArticleAnalysis, sentence: Span) -> Citation:
        article = analysis.article
        key = (article.id, sentence.start, sentence.end)
        if key not in self._by_key:
            self._by_key[key] = Citation(
                label=len(self._by_key) + 1,
                article_id=article.id,
                article=article_label(article),
                published=article.published.isoformat() if article.published else None,
                url=article.url,
                source=article.source,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
            )
        return self._by_key[key]

    def all(self) -> tuple[Citation, ...]:
        return tuple(sorted(self._by_key.values(), key=lambda c: c.label))


class Writer:
    """Words claims and statements, citing each sentence the first time it is shown."""

    def __init__(self, analysed: list[ArticleAnalysis]) -> None:
        self.citations = Citations()
        self._analysed = analysed
        self._lines: dict[str, ClaimLine] = {}
        self._by_claim: dict[str, list[tuple[ArticleAnalysis, Statement]]] = {}
        self._by_article: dict[str, list[tuple[ArticleAnalysis, Statement]]] = {}
        for analysis in analysed:
            for statement in analysis.verification_statements:
                if statement.scope == "article":
                    self._by_article.setdefault(analysis.article.id, []).append(
                        (analysis, statement)
                    )
                    continue
                for claim_id in dict.fromkeys(statement.qualifies):
                    self._by_claim.setdefault(claim_id, []).append((analysis, statement))

    def statements_on_claim(self, claim_id: str) -> list[tuple[ArticleAnalysis, Statement]]:
        """The reporter's statements that qualify one claim."""
        return self._by_claim.get(claim_id, [])

    def statements_on_article(self, article_id: str) -> list[tuple[ArticleAnalysis, Statement]]:
        """The reporter's statements on every claim of one article."""
        return self._by_article.get(article_id, [])

    def contradictions(self) -> tuple[ContradictionLine, ...]:
        """The contradictions found within each article, between claims already worded."""
        return tuple(
            ContradictionLine(one_line(c.why), self._lines[c.a], self._lines[c.b])
            for analysis in self._analysed
            for c in analysis.contradictions
            if c.a in self._lines and c.b in self._lines
        )

    def claim_line(self, analysis: ArticleAnalysis, claim: Claim) -> ClaimLine:
        if claim.id in self._lines:
            return self._lines[claim.id]
        names = list(dict.fromkeys(source_name(analysis, ref) for ref in claim.sources))
        source = join_names(names)
        line = ClaimLine(
            claim_id=claim.id,
            source=source,
            text="",
            quote=one_line(claim.content.text) or one_line(claim.sentence.text),
            cue=one_line(claim.cue.text) if claim.cue else None,
            channel=claim.channel.replace("_", " ") if claim.channel else None,
            via=tuple(source_name(analysis, ref) for ref in claim.via),
            hedged=claim.hedged,
            hedge_cues=tuple(dict.fromkeys(one_line(cue) for cue in claim.hedge_cues)),
            certainty=claim.certainty,
            status=claim.status,
            polarity=claim.polarity,
            kind=claim.kind,
            citation=self.citations.cite(analysis, claim.sentence),
        )
        worded = replace(line, text=_claim_text(line, several=len(names) > 1))
        self._lines[claim.id] = worded
        return worded

    def verification(self, analysis: ArticleAnalysis, statement: Statement) -> VerificationLine:
        sentence = containing_sentence(analysis, statement.span)
        quote = one_line(sentence.text)
        if statement.scope == "article":
            who = f"Reporter, on every claim in {article_label(analysis.article)}"
        else:
            who = "Reporter"
        return VerificationLine(
            text=f"{who}: “{quote}”",
            quote=quote,
            status=statement.status,
            scope=statement.scope,
            citation=self.citations.cite(analysis, sentence),
        )


def _claim_text(line: ClaimLine, *, several: bool) -> str:
    """``Baza (via Reuters; channel: telegram) says, hedged (“would”): “…”``."""
    context = [line.relay] if line.relay else []
    if line.channel:
        context.append(f"channel: {line.channel}")
    who = line.source + (f" ({'; '.join(context)})" if context else "")
    verb_word = (line.cue or "").casefold().split()[-1:] or [""]  # "has denied": "denied"
    singular, plural = _CUE_VERBS.get(verb_word[0][:5], ("says", "say"))
    verb = plural if several or _plural_name(line.source) else singular
    text = f"{who} {verb}{_hedge_phrase(line)}: “{line.quote}”"
    if line.status:
        text += f" (stated as {line.status})"
    return text


def _plural_name(name: str) -> bool:
    """ "Russian fighters", "officials": a plural common noun, not a name ("Reuters")."""
    words = name.split()
    last = words[-1] if words else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


# Cues whose sense a plain "says" would lose, keyed by their first letters.
_CUE_VERBS = {
    "claim": ("claims", "claim"),
    "denie": ("denies", "deny"),
    "deny": ("denies", "deny"),
    "denyi": ("denies", "deny"),
}


def _hedge_phrase(line: ClaimLine) -> str:
    certainty = f"certainty: {line.certainty}" if line.certainty != "certain" else ""
    if line.hedged or line.hedge_cues:
        inside = ", ".join(f"“{cue}”" for cue in line.hedge_cues)
        inside = "; ".join(part for part in (inside, certainty) if part)
        return f", hedged ({inside})" if inside else ", hedged"
    return f" ({certainty})" if certainty else ""


def unique_statements(
    pairs: Iterable[tuple[ArticleAnalysis, Statement]],
) -> list[tuple[ArticleAnalysis, Statement]]:
    """Each statement once, articles in order of first appearance, text order within."""
    unique: dict[tuple[str, int, int], tuple[ArticleAnalysis, Statement]] = {}
    for analysis, statement in pairs:
        key = (analysis.article.id, statement.span.start, statement.span.end)
        unique.setdefault(key, (analysis, statement))
    article_order = {key[0]: index for index, key in reversed(list(enumerate(unique)))}
    return [unique[key] for key in sorted(unique, key=lambda k: (article_order[k[0]], k[1]))]


def containing_sentence(analysis: ArticleAnalysis, span: Span) -> Span:
    for sentence in analysis.sentences:
        if sentence.start <= span.start < sentence.end:
            return sentence
    return span
