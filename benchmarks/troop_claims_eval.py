"""Precision and recall of troop-claim extraction on a hand-annotated sample of AllSides sentences.

    .venv/bin/python benchmarks/troop_claims_eval.py --corpus ../shared/data/allsides/iran_iraq_2019_2020

The sample (``troop_claims_sample.csv``) holds no article text: each row names an article id, the span
of the annotated sentence in the article's clean text (``sentence_start``, ``sentence_end``, with the first
12 hex digits of the span's SHA-1 so that a cleaning change that moves the text is caught, and the index of
the sentence the span starts in, for reading), and the claims a person read there, as ``value|bound|unit``
separated by ``;`` (``vague|vague|unit`` for "hundreds of troops", ``range|range|unit`` for "50,000 to
65,000 troops"). The 50 sentences were drawn at random (seed 20261122) from the 511 sentences of the
Iran/Iraq folder that hold both a written number and a personnel noun. A predicted claim is one whose
start lies in the span; it is right when its unit, bound and value equal a gold claim's.

Re-anchored in session 17: the sentences were found again in the clean text of today's cleaning (which
splits sentences at paragraph breaks and removes The Hill's name links inside two of them); one sentence
with no claim is entirely page chrome now (span ``-1``: nothing can be extracted there, which is right).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import warnings
from pathlib import Path

import corpus
from corpus.ingest.allsides import write_corpus_folder
from corpus.nlp.annotate import annotate
from corpus.extract.troops import extract_troop_claims

SAMPLE = Path(__file__).with_name("troop_claims_sample.csv")


def _key(value, bound: str, unit: str) -> tuple[str, str, str]:
    if bound in ("vague", "range"):
        return bound, bound, unit
    return str(int(value)) if float(value).is_integer() else str(value), bound, unit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the AllSides iran_iraq_2019_2020 folder")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    rows = list(csv.DictReader(SAMPLE.read_text(encoding="utf-8").splitlines()))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", corpus.CorpusWarning)
        folder = write_corpus_folder(args.corpus, Path(tmp) / "corpus")
        articles = corpus.load_corpus(folder)
        wanted = {r["article_id"] for r in rows}
        articles = articles[articles["doc_id"].isin(wanted)].reset_index(drop=True)
        docs = {doc._.doc_id: doc for doc in annotate(articles, progress=False).docs}
    tp = n_pred = n_gold = 0
    misses, wrong = [], []
    for row in rows:
        doc = docs[row["article_id"]]
        start, end = int(row["sentence_start"]), int(row["sentence_end"])
        if start >= 0 and hashlib.sha1(doc.text[start:end].encode()).hexdigest()[:12] != row["sentence_sha1"]:
            raise SystemExit(f"the sentence at {start} of {row['article_id']} moved: re-anchor the sample")
        gold = [tuple(c.split("|")) for c in row["gold_claims"].split(";") if c]
        gold = [_key(v if v not in ("vague", "range") else 0, b, u) for v, b, u in gold]
        predicted = [_key(c.value if c.value is not None else 0, c.bound, c.unit)
                     for c in extract_troop_claims(doc) if start <= c.start_char < end]
        remaining = list(gold)
        for claim in predicted:
            if claim in remaining:
                remaining.remove(claim)
                tp += 1
            else:
                wrong.append((row["article_id"], row["sent_id"], claim))
        misses += [(row["article_id"], row["sent_id"], claim) for claim in remaining]
        n_pred += len(predicted)
        n_gold += len(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    result = {"sentences": len(rows), "gold_claims": n_gold, "predicted": n_pred, "correct": tp,
              "precision": round(precision, 3), "recall": round(recall, 3),
              "wrong": [list(w) for w in wrong], "missed": [list(m) for m in misses]}
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
