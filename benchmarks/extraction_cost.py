"""What the project's extraction costs against its own parse, in one process, each extractor apart.

    .venv/bin/python benchmarks/extraction_cost.py --input ../shared/data/allsides/articles.jsonl.gz \\
        --limit 500 --json benchmarks/extraction-cost-500-COMMIT.json

On the first ``--limit`` AllSides articles (a corpus folder in a temporary directory), one process: the clean
texts are parsed by the project pipeline (``corpus.nlp.pipeline.build_pipeline``, without the extraction step),
timed; then every extractor of ``corpus.tables.rows.doc_tables`` runs over the parsed ``Doc`` objects, each timed
on its own, ``--repeat`` times (the fastest pass counts, as ``timeit`` does). The ratio ``extraction_vs_parse``
is measured within one run, so this machine's drift (10-20% within the hour) moves both sides alike; it is the
share a cold sync adds to the parse in the spaCy workers, where the extraction runs. Run it at two commits to
compare their extraction on the same articles.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

from store_sync import clean_texts, repeated_run_arguments, report

from corpus.extract.attribution import extract_attributions
from corpus.extract.entities import entity_mentions
from corpus.extract.framing import doc_event_naming, doc_term_counts
from corpus.extract.sentiment import doc_actor_sentences, sentence_sentiment
from corpus.extract.troops import extract_troop_claims
from corpus.ingest.allsides import write_corpus_folder_from_jsonl
from corpus.nlp.model import BATCH_SIZE
from corpus.nlp.pipeline import build_pipeline
from corpus.publish.manifest import git_state


def extractor_seconds(docs: list) -> dict[str, float]:
    """Seconds each extractor of ``doc_tables`` takes over ``docs``, called as ``doc_tables`` calls them."""
    seconds: dict[str, float] = {}

    def timed(name, function, *args, **options):
        started = time.perf_counter()
        result = function(*args, **options)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
        return result

    for doc in docs:
        mentions = timed("entity_mentions", entity_mentions, doc)
        attributions = timed("attributions", extract_attributions, doc, mentions=mentions)
        timed("troop_claims", extract_troop_claims, doc, attributions=attributions)
        timed("sentiment", sentence_sentiment, doc)
        timed("term_counts", doc_term_counts, doc)
        entity_sentences = [(m.sent_id, m.entity) for m in mentions]
        timed("actor_sentences", doc_actor_sentences, doc, entity_sentences)
        timed("event_naming", doc_event_naming, doc, entity_sentences)
    return seconds


def main(argv: list[str] | None = None) -> int:
    args = repeated_run_arguments(__doc__, argv)
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="extraction-cost-") as tmp:
        texts = clean_texts(write_corpus_folder_from_jsonl(args.input, Path(tmp) / "corpus", limit=args.limit))
    nlp = build_pipeline()
    nlp("Warm up: Iraqi officials said on Monday that 5,000 American troops would stay.")
    extractor_seconds([nlp("A spokesman told Reuters that Iran would respond, officials said.")])  # load lexicons
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    parse = time.perf_counter() - started
    for number, doc in enumerate(docs):
        doc._.doc_id = str(number)
    passes = [extractor_seconds(docs) for _ in range(args.repeat)]
    fastest = min(passes, key=lambda p: sum(p.values()))
    extraction = sum(fastest.values())
    report({
        "command": " ".join(["benchmarks/extraction_cost.py", *(argv if argv is not None else sys.argv[1:])]),
        "git": git_state(),
        "articles": len(docs),
        "tokens": sum(len(doc) for doc in docs),
        "parse_s": round(parse, 2),
        "extraction_s": round(extraction, 2),
        "extraction_vs_parse": round(extraction / parse, 4),
        "extractors_s": {name: round(value, 2) for name, value in fastest.items()},
        "passes_s": [round(sum(p.values()), 2) for p in passes],
    }, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
