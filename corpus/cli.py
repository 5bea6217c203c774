"""Command line: ``corpus info``, ``corpus run``, ``corpus sync``, ``corpus build-tables``, ``corpus new-notebook``,
``corpus doctor``
(also ``python -m corpus``)."""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path

from corpus.nlp.model import BATCH_SIZE

__all__ = ["main"]

log = logging.getLogger("corpus")


def _load_reporting(path):
    """Load a corpus, printing each loading warning and any error to stderr; None when it cannot be loaded."""
    from corpus.ingest.loader import CorpusError, load_corpus

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = load_corpus(path)
        except CorpusError as err:
            print(f"error: {err}", file=sys.stderr)
            return None
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    return articles


def _info(args: argparse.Namespace) -> int:
    import pandas as pd

    articles = _load_reporting(args.path)
    if articles is None:
        return 2
    table = pd.DataFrame({
        "outlet": articles["outlet"],
        "date": articles["date"].dt.strftime("%Y-%m-%d").fillna("unknown"),
        "title": articles["title"].str.slice(0, args.width),
        "words": articles["n_words"],
        "removed": articles["cleaning"].replace("", "-"),
    })
    sources = pd.DataFrame(articles.attrs.get("sources", []), columns=["file", "member", "format", "stated",
                                                                        "parsed", "problems"])
    sources = pd.DataFrame({
        "file": sources["file"] + sources["member"].map(lambda m: f"/{m}" if m else ""),
        "format": sources["format"],
        "says it holds": sources["stated"].map(lambda n: "-" if pd.isna(n) else str(int(n))),
        "read": sources["parsed"],
        "problems": sources["problems"].map(lambda p: "; ".join(p) or "-"),
    })
    with pd.option_context("display.max_rows", None, "display.max_colwidth", 200, "display.width", 250):
        print(table.to_string(index=False))
        print("\nFiles:")
        cells = [list(sources.columns)] + sources.astype(str).to_numpy().tolist()
        widths = [max(len(row[i]) for row in cells) for i in range(len(sources.columns))]
        for row in cells:  # left-aligned: the problems are sentences
            print("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())
    repeats = int((articles["duplicate_of"] != "").sum()) if "duplicate_of" in articles else 0
    copies = int((articles["copy_outlet"] != "").sum()) if "copy_outlet" in articles else 0
    print(f"\n{len(articles)} articles, {articles['outlet'].nunique()} outlets, {articles['n_words'].sum():,} words; "
          f"{len(articles.attrs['skipped'])} skipped; {len(sources)} file(s) read; {repeats} repeat an article of "
          f"their own outlet, {copies} are another outlet's text")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    """Check that the environment can do the work: the spaCy model loads and parses."""
    from corpus.nlp.model import default_model_name, load_model

    name = default_model_name()
    nlp = load_model(name)
    doc = nlp("General Qassem Soleimani was killed in Baghdad, officials said.")
    print(f"spaCy model {name} {nlp.meta.get('version')} loads; pipes: {', '.join(nlp.pipe_names)}; "
          f"entities in a test sentence: {', '.join(e.text for e in doc.ents) or 'none'}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from corpus.publish.runner import describe_parameters, discover_notebooks, run_notebooks

    if args.help_notebook:
        matches = [nb for nb in discover_notebooks(args.notebooks) if nb.stem == Path(args.help_notebook).stem]
        if not matches:
            names = ", ".join(nb.stem for nb in discover_notebooks(args.notebooks))
            print(f"error: no notebook {args.help_notebook}; there are: {names}", file=sys.stderr)
            return 2
        print(describe_parameters(matches[0]))
        return 0
    return run_notebooks(
        corpus_path=args.corpus, out=args.out, notebooks_dir=args.notebooks, only=args.only,
        overrides=dict(args.param or []), params_file=args.params, jobs=args.jobs, previous=args.previous,
    )


def _build_tables(args: argparse.Namespace) -> int:
    """Build every table of a corpus into a folder of CSVs, locally or on a dask cluster."""
    from corpus.tables.build import build_tables

    if args.command == "annotate":
        print("note: `corpus annotate` is an old name of `corpus build-tables`", file=sys.stderr)
    if args.engine == "dask" and not args.scheduler:
        print("error: --engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)", file=sys.stderr)
        return 2
    articles = _load_reporting(args.corpus)
    if articles is None:
        return 2
    run = build_tables(articles, args.out, n_process=args.n_process, batch_size=args.batch_size,
                       engine=args.engine, scheduler=args.scheduler, partitions=args.partitions)
    rows = ", ".join(f"{name} {n:,}" for name, n in run.rows.items())
    print(f"{len(articles)} articles ({run.parsed} parsed, {run.cached} from the cache) -> {args.out}: {rows}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    """Bring a corpus's store up to date: read, clean and parse only new and changed articles."""
    from corpus.ingest.loader import CorpusError, describe_problem
    from corpus.tables.store import sync

    if args.engine == "dask" and not args.scheduler:
        print("error: --engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)", file=sys.stderr)
        return 2
    try:
        store, report = sync(args.corpus, store=args.store, n_process=args.n_process, engine=args.engine,
                             scheduler=args.scheduler)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for problem in store.manifest.get("warnings", []):
        print(f"warning: {describe_problem(problem)}", file=sys.stderr)
    print(f"store {store.path}: {report.articles} articles; {report.parsed} parsed, {report.reused} reused, "
          f"{report.removed} removed in {report.seconds:.1f} s")
    return 0


def _new_notebook(args: argparse.Namespace) -> int:
    """Copy notebooks/TEMPLATE.ipynb to a new notebook whose output folder is named after it."""
    import nbformat

    from corpus.paths import NOTEBOOKS_DIR

    name = Path(args.name).stem
    folder = Path(args.dir) if args.dir else NOTEBOOKS_DIR
    target = folder / f"{name}.ipynb"
    if target.exists():
        print(f"error: {target} exists; choose another name", file=sys.stderr)
        return 2
    notebook = nbformat.read(NOTEBOOKS_DIR / "TEMPLATE.ipynb", as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = cell.source.replace('"../figures/my_analysis"', f'"../figures/{name}"')
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    hint = "" if name[:2].isdigit() and name[2:3] == "_" else " (name it NN_something for `corpus run` to run it)"
    print(f"wrote {target}; open it in JupyterLab and follow its first cell{hint}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corpus", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    info = sub.add_parser("info", help="print the corpus as a table")
    info.add_argument("path", nargs="?", default=None,
                      help="corpus file or folder, any format of the README's \"Use your own corpus\" (default: seeds/)")
    info.add_argument("--width", type=int, default=60, help="characters of each title to show")
    info.set_defaults(func=_info)

    run = sub.add_parser("run", help="execute every notebooks/NN_*.ipynb with papermill")
    run.add_argument("--corpus", default=None, help="corpus file or folder (default: seeds/)")
    run.add_argument("--out", default="figures", help="output folder (default: figures/)")
    run.add_argument("--notebooks", default=None, help="notebook folder (default: notebooks/)")
    run.add_argument("--only", action="append", help="run only this notebook (name or stem); repeatable")
    run.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                     help="override a notebook parameter for every notebook that has it (value read as YAML)")
    run.add_argument("--params", default=None, metavar="FILE",
                     help="YAML file of parameters: an 'all:' section and one section per notebook stem")
    run.add_argument("--jobs", type=int, default=1, help="notebooks run in parallel processes (default 1)")
    run.add_argument("--help-notebook", metavar="NAME", help="list a notebook's parameters and exit")
    run.add_argument("--previous", metavar="MANIFEST", default=None,
                     help="manifest.json to compare with (default: the one already in --out)")
    run.set_defaults(func=_run)

    tables = sub.add_parser("build-tables", aliases=["annotate"],
                            help="parse a corpus and write every analysis table as CSV (alias: annotate, its old name)")
    tables.add_argument("--corpus", default=None, help="corpus file or folder (default: seeds/)")
    tables.add_argument("--out", required=True, help="folder for the tables (one CSV per table)")
    tables.add_argument("--engine", choices=["local", "dask"], default="local")
    tables.add_argument("--scheduler", default=None, help="dask scheduler address, for --engine dask")
    tables.add_argument("--n-process", type=int, default=1, help="spaCy worker processes (local engine)")
    tables.add_argument("--partitions", type=int, default=None, help="article partitions (dask engine)")
    tables.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    tables.set_defaults(func=_build_tables)

    sync = sub.add_parser("sync", help="bring a corpus's store up to date (only new and changed articles are parsed)")
    sync.add_argument("--corpus", default=None, help="corpus file or folder (default: seeds/)")
    sync.add_argument("--store", default=None, help="store folder (default: one per corpus under the cache folder)")
    sync.add_argument("--n-process", type=int, default=1, help="spaCy worker processes (local engine)")
    sync.add_argument("--engine", choices=["local", "dask"], default="local")
    sync.add_argument("--scheduler", default=None, help="dask scheduler address, for --engine dask")
    sync.set_defaults(func=_sync)

    new = sub.add_parser("new-notebook", help="copy notebooks/TEMPLATE.ipynb into a new notebook NAME")
    new.add_argument("name", help="e.g. 06_my_question")
    new.add_argument("--dir", default=None, help="folder for the new notebook (default: notebooks/)")
    new.set_defaults(func=_new_notebook)

    doctor = sub.add_parser("doctor", help="check that the spaCy model loads")
    doctor.set_defaults(func=_doctor)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)  # one line per notebook is ours to print
    return args.func(args)
