"""The article viewer: one parsed article with entities, attributions (source, cue, content) and troop claims
highlighted by spaCy's displaCy (``style="span"``, which draws overlapping spans, or ``style="ent"``), never
hand-made HTML."""

from __future__ import annotations

from html import escape

from spacy import displacy
from spacy.tokens import Doc, Span

from corpus.extract.attribution import extract_attributions
from corpus.extract.troops import extract_troop_claims

__all__ = ["HIGHLIGHT_KEY", "highlight_spans", "render_article"]

HIGHLIGHT_KEY = "corpus_highlights"
COLOURS = {
    "SOURCE": "#f4b6c2", "CUE": "#ffd166", "CONTENT": "#cde7f0", "TROOPS": "#b8e0a8",
    "PERSON": "#e4d1f5", "ORG": "#d9e8fb", "GPE": "#fde2c8", "NORP": "#f6efc5",
}


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def highlight_spans(doc: Doc, *, entities: bool = True, attributions: bool = True, claims: bool = True) -> Doc:
    """A copy of ``doc`` whose ``spans["corpus_highlights"]`` hold entities, attribution parts and troop claims.

    Labels: ``SOURCE``, ``CUE``, ``CONTENT``, ``TROOPS``, and the entity labels. The input is not changed.
    """
    copy = doc.copy()
    spans: list[Span] = []
    if entities:
        spans += [Span(copy, e.start, e.end, label=e.label_) for e in copy.ents
                  if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    found = extract_attributions(doc) if attributions or claims else []
    if attributions:
        for a in found:
            for start, end, label in ((a.source_start, a.source_end, "SOURCE"), (a.cue_start, a.cue_end, "CUE"),
                                      (a.content_start, a.content_end, "CONTENT")):
                span = _span(copy, start, end, label)
                if span is not None:
                    spans.append(span)
    if claims:
        for claim in extract_troop_claims(doc, attributions=found):
            span = _span(copy, claim.start_char, claim.end_char, "TROOPS")
            if span is not None:
                spans.append(span)
    copy.spans[HIGHLIGHT_KEY] = sorted(spans, key=lambda s: (s.start, -s.end))
    return copy


def render_article(doc: Doc, *, style: str = "span", title: str | None = None, **which) -> str:
    """HTML of one article with its highlights, drawn by displaCy (``style`` ``span`` or ``ent``); ``title`` is escaped."""
    marked = highlight_spans(doc, **which)
    title = escape(title) if title else title  # displaCy places the title in the page as it is
    if style == "span":
        options = {"spans_key": HIGHLIGHT_KEY, "colors": COLOURS}
        if title:
            marked.user_data["title"] = title
        return displacy.render(marked, style="span", options=options, jupyter=False)
    if style == "ent":
        # displaCy's entity style draws non-overlapping spans: claims and attribution cues win over entities
        chosen = sorted(marked.spans[HIGHLIGHT_KEY], key=lambda s: ("TROOPS", "CUE", "SOURCE").index(s.label_)
                        if s.label_ in ("TROOPS", "CUE", "SOURCE") else 3)
        taken: set[int] = set()
        ents = []
        for span in chosen:
            if span.label_ == "CONTENT" or taken & set(range(span.start, span.end)):
                continue
            ents.append({"start": span.start_char, "end": span.end_char, "label": span.label_})
            taken |= set(range(span.start, span.end))
        data = {"text": marked.text, "ents": sorted(ents, key=lambda e: e["start"]), "title": title}
        return displacy.render(data, style="ent", manual=True, options={"colors": COLOURS}, jupyter=False)
    raise ValueError(f"style must be 'span' or 'ent', not {style!r}")
