"""Score the attribution extractor against PolNeAR gold (brat standoff files).

``python -m corpus.evaluate attribution --polnear SPLIT_DIR --json OUT`` reads ``SPLIT_DIR/text/*.txt``
and ``SPLIT_DIR/attributions/*_<annotator>.ann`` (one annotator per text unless
``--all-annotators``), parses the texts with the project pipeline and reports:

* ``source_precision``, ``source_recall``, ``source_f1``: a predicted source matches a gold source when
  their character spans overlap; each gold attribution is matched at most once and each prediction
  at most once (pairs whose cues also overlap are matched first). Gold attributions with no source
  ("Attribution-no-source") cannot be matched and are not counted.
* ``speech_source_recall``, ``speech_source_precision``, ``speech_source_f1``: the same, restricted to
  attributions whose cue is a reporting expression (:data:`REPORTING_CUES`, by lemma). Recall: the
  share of such gold attributions matched by any prediction. Precision: among predictions whose own
  cue is a reporting expression, the share matched to such a gold attribution; a prediction matched
  to a gold attribution outside the set ("believes", "called for") is neither right nor wrong here.
* ``relation_*``: stricter, the source and the cue must both overlap.

``corpus.evaluate.train_cues`` trains the learned cue model (:mod:`corpus.extract.cue_model`) on PolNeAR train.

The same figures are computed, in the same run, for textacy's ``direct_quotations`` (a baseline that
finds quotations only); ``--baseline none`` skips it.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from spacy.tokens import Doc

from corpus.extract.attribution import extract_attributions

log = logging.getLogger(__name__)

REPORTING_CUES = frozenset({
    "say", "tell", "according", "add", "state", "claim", "announce", "report", "write", "warn", "argue",
    "explain", "note", "insist", "deny", "confirm", "acknowledge", "allege", "reveal", "describe", "ask",
    "suggest", "predict", "testify", "estimate", "concede",
})

Spans = tuple[tuple[int, int], ...]


class GoldAttribution(NamedTuple):
    source: Spans
    cue: Spans
    content: Spans


class Predicted(NamedTuple):
    source: Spans
    cue: Spans


def _spans(field: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


BRAT_LINE = re.compile(r"[TE]\d+\t")


def read_brat(path: Path) -> list[GoldAttribution]:
    """The attributions of one PolNeAR ``.ann`` file (text-bound ``T`` lines joined by ``E`` events)."""
    spans: dict[str, Spans] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        # a span's text can run over a line break, so a continuation line may start with any letter
        if BRAT_LINE.match(line) and line.startswith("T"):
            ident, middle, _text = line.split("\t", 2)
            _label, offsets = middle.split(" ", 1)
            spans[ident] = _spans(offsets)
        elif BRAT_LINE.match(line) and line.startswith("E"):
            events.append(line.split("\t")[1].split())
    gold = []
    for args in events:
        roles: dict[str, Spans] = {}
        for arg in args[1:]:
            role, ident = arg.split(":")
            role = re.sub(r"\d+$", "", role)
            roles[role] = roles.get(role, ()) + spans.get(ident, ())
        gold.append(GoldAttribution(roles.get("Source", ()), roles.get("Cue", ()), roles.get("Content", ())))
    return gold


def overlap(a: Spans, b: Spans) -> int:
    """Characters shared by two sets of spans."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _cue_lemmas(doc: Doc, cue: Spans) -> set[str]:
    lemmas = set()
    for start, end in cue:
        for token in doc.char_span(start, end, alignment_mode="expand") or ():
            lemmas.add("according" if token.lower_ == "according" else token.lemma_.lower())
    return lemmas


def is_reporting_cue(doc: Doc, cue: Spans) -> bool:
    return bool(_cue_lemmas(doc, cue) & REPORTING_CUES)


def match(predicted: list[Predicted], gold: list[GoldAttribution], *, need_cue: bool = False) -> dict[int, int]:
    """One-to-one matches (prediction index -> gold index) between overlapping sources."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            source = overlap(p.source, g.source)
            if not source:
                continue
            cue = overlap(p.cue, g.cue)
            if need_cue and not cue:
                continue
            pairs.append((-(cue > 0), -source, i, j))
    pairs.sort()
    taken_p, taken_g, out = set(), set(), {}
    for _, _, i, j in pairs:
        if i not in taken_p and j not in taken_g:
            out[i] = j
            taken_p.add(i)
            taken_g.add(j)
    return out


def _prf(tp: int, n_pred: int, n_gold: int, *, tp_precision: int | None = None) -> tuple[float, float, float]:
    precision = (tp if tp_precision is None else tp_precision) / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


class Counts(NamedTuple):
    n_pred: int = 0
    n_gold: int = 0
    tp: int = 0
    n_pred_speech: int = 0
    n_gold_speech: int = 0
    tp_speech: int = 0
    tp_relation: int = 0
    tp_relation_speech: int = 0
    n_pred_relation_speech: int = 0
    tp_speech_precision: int = 0
    tp_relation_speech_precision: int = 0

    def __add__(self, other):  # type: ignore[override]
        return Counts(*(a + b for a, b in zip(self, other)))


def score_document(doc: Doc, predicted: list[Predicted], gold: list[GoldAttribution]) -> Counts:
    """Match counts for one document (gold attributions without a source are left out)."""
    gold = [g for g in gold if g.source]
    speech = [is_reporting_cue(doc, g.cue) for g in gold]
    reporting = [is_reporting_cue(doc, p.cue) for p in predicted]
    loose = match(predicted, gold)
    strict = match(predicted, gold, need_cue=True)

    def speech_precision_counts(matches: dict[int, int]) -> tuple[int, int]:
        considered = [i for i in range(len(predicted)) if reporting[i] and (i not in matches or speech[matches[i]])]
        return sum(1 for i in considered if i in matches), len(considered)

    tp_precision, n_pred_speech = speech_precision_counts(loose)
    tp_relation_precision, n_pred_relation_speech = speech_precision_counts(strict)
    return Counts(
        n_pred=len(predicted), n_gold=len(gold), tp=len(loose),
        n_pred_speech=n_pred_speech, n_gold_speech=sum(speech),
        tp_speech=sum(1 for j in loose.values() if speech[j]), tp_speech_precision=tp_precision,
        tp_relation=len(strict), tp_relation_speech=sum(1 for j in strict.values() if speech[j]),
        tp_relation_speech_precision=tp_relation_precision, n_pred_relation_speech=n_pred_relation_speech,
    )


def summarise(counts: Counts) -> dict:
    p, r, f = _prf(counts.tp, counts.n_pred, counts.n_gold)
    sp, sr, sf = _prf(counts.tp_speech, counts.n_pred_speech, counts.n_gold_speech,
                      tp_precision=counts.tp_speech_precision)
    rp, rr, rf = _prf(counts.tp_relation, counts.n_pred, counts.n_gold)
    rsp, rsr, rsf = _prf(counts.tp_relation_speech, counts.n_pred_relation_speech, counts.n_gold_speech,
                         tp_precision=counts.tp_relation_speech_precision)
    return {
        "source_precision": p, "source_recall": r, "source_f1": f,
        "speech_source_precision": sp, "speech_source_recall": sr, "speech_source_f1": sf,
        "relation_precision": rp, "relation_recall": rr, "relation_f1": rf,
        "speech_relation_precision": rsp, "speech_relation_recall": rsr, "speech_relation_f1": rsf,
        "n_predicted": counts.n_pred, "n_gold_with_source": counts.n_gold, "n_gold_speech": counts.n_gold_speech,
    }


def project_predictions(doc: Doc) -> list[Predicted]:
    return [Predicted(((a.source_start, a.source_end),), ((a.cue_start, a.cue_end),))
            for a in extract_attributions(doc)]


def textacy_predictions(doc: Doc) -> list[Predicted]:
    """textacy's ``direct_quotations`` (speaker, cue, content) triples as predictions."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses documents with an odd number of quotation marks: it predicts nothing there
        return []
    for triple in triples:
        speaker = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
        cue = tuple((t.idx, t.idx + len(t.text)) for t in triple.cue)
        out.append(Predicted(speaker, cue))
    return out


EXTRACTORS: dict[str, Callable[[Doc], list[Predicted]]] = {
    "corpus": project_predictions,
    "textacy": textacy_predictions,
}


def polnear_files(split_dir: Path, *, all_annotators: bool = False) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs; by default the first annotator (sorted) of each text."""
    pairs = []
    texts = {p.stem: p for p in sorted((split_dir / "text").glob("*.txt"))}
    seen = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem not in texts or (stem in seen and not all_annotators):
            continue
        seen.add(stem)
        pairs.append((texts[stem], ann))
    return pairs


def evaluate_polnear(split_dir: Path, *, extractors: Iterable[str] = ("corpus", "textacy"),
                     all_annotators: bool = False, limit: int | None = None, model_name: str | None = None) -> dict:
    """Scores of each extractor on a PolNeAR split, with the run's facts."""
    from corpus.nlp.pipeline import get_pipeline

    pairs = polnear_files(split_dir, all_annotators=all_annotators)[:limit]
    if not pairs:
        raise FileNotFoundError(f"no PolNeAR text/attributions pairs under {split_dir}")
    nlp = get_pipeline(model_name)
    texts = [text.read_text(encoding="utf-8") for text, _ in pairs]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    totals = {name: Counts() for name in extractors}
    for doc, (_, ann) in zip(docs, pairs):
        gold = read_brat(ann)
        for name in extractors:
            totals[name] += score_document(doc, EXTRACTORS[name](doc), gold)
    result = {
        "split": str(split_dir), "n_documents": len(pairs), "all_annotators": all_annotators,
        "model": f"{nlp.meta['name']} {nlp.meta['version']}", "seconds": round(time.perf_counter() - started, 1),
    }
    for name in extractors:
        result[name] = summarise(totals[name])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.evaluate", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="task", required=True)
    attribution = sub.add_parser("attribution", help="score attribution extraction on a PolNeAR split")
    attribution.add_argument("--polnear", type=Path, required=True, help="a split folder holding text/ and attributions/")
    attribution.add_argument("--json", type=Path, help="write the scores here")
    attribution.add_argument("--baseline", choices=["textacy", "none"], default="textacy")
    attribution.add_argument("--all-annotators", action="store_true", help="score every annotator's file of a text")
    attribution.add_argument("--limit", type=int, default=None, help="first N texts only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    extractors = ["corpus"] + ([] if args.baseline == "none" else [args.baseline])
    result = evaluate_polnear(args.polnear, extractors=extractors, all_annotators=args.all_annotators, limit=args.limit)
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
