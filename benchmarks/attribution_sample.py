"""A hand-checked sample of attribution rows from real articles: draw it, hand it to judges, score the extractor.

The sample lives in ``benchmarks/attribution_sample.csv``: article ids and character offsets of each row's cue
in the clean text, and the judges' answers (speaker, type, affiliation, whether it is an attribution at all),
never article text. Protocol (``benchmarks/attribution_protocol.md``): a judge reads the whole article and
answers from it alone, without seeing what the extractor said.

    # 0. the corpus the offsets refer to (the 371 articles' records of articles.jsonl.gz), outside the repository
    python benchmarks/attribution_sample.py corpus --out /tmp/ii371
    # 1. draw rows from an attributions table (the 371 AllSides Iran/Iraq articles, notebook 02's table)
    python benchmarks/attribution_sample.py draw --attributions figs/tables/attributions.csv \\
        --top-sources figs/02_source_attribution/top_sources.csv --random 70 --figure 50 --out sample.csv
    # 2. the judges' packets (article texts and the cue to judge), outside the repository
    python benchmarks/attribution_sample.py tasks --sample sample.csv --corpus /tmp/ii371 --out /tmp/judge
    # 3. score the current extractor against the judged sample
    python benchmarks/attribution_sample.py score --sample benchmarks/attribution_sample.csv --corpus /tmp/ii371
    # 4. how far a second blind reading of the same rows agrees with the first (no extraction)
    python benchmarks/attribution_sample.py agree --sample benchmarks/attribution_sample_35.csv \\
        --second benchmarks/attribution_second_reading_35.csv

A row is matched to the extractor's output by article and cue offsets; a row the extractor no longer gives
counts as "not extracted", which is right only for rows the judges called non-attributions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from corpus.publish.figures import FORMULA_STARTS

SAMPLE_COLUMNS = ["sample_id", "stratum", "doc_id", "cue_start", "cue_end", "cue"]
GOLD_COLUMNS = ["is_attribution", "speaker", "source_type", "affiliation", "note"]


def draw(args: argparse.Namespace) -> int:
    table = pd.read_csv(args.attributions, dtype=str, keep_default_na=False)
    # the published table guards cells that start like a spreadsheet formula with "'"; the sample keeps the cue
    guarded = table["cue"].str.startswith("'") & table["cue"].str[1:].str.startswith(FORMULA_STARTS)
    table.loc[guarded, "cue"] = table.loc[guarded, "cue"].str[1:]
    top = pd.read_csv(args.top_sources, dtype=str, keep_default_na=False)
    if args.exclude:
        # a second sample must not re-judge the first one's rows (the first one was used to write the rules)
        earlier = pd.concat([pd.read_csv(path, dtype=str, keep_default_na=False) for path in args.exclude])
        seen = set(zip(earlier["doc_id"], earlier["cue_start"]))
        table = table[[key not in seen for key in zip(table["doc_id"], table["cue_start"])]]
    behind = table.merge(top[["outlet", "source_canonical"]], on=["outlet", "source_canonical"])
    figure = behind.sample(n=min(args.figure, len(behind)), random_state=args.seed)
    rest = table.drop(index=figure.index, errors="ignore")
    chosen = pd.concat([rest.sample(n=args.random, random_state=args.seed + 1).assign(stratum="random"),
                        figure.assign(stratum="figure")], ignore_index=True)
    chosen = chosen.drop_duplicates(["doc_id", "cue_start"]).reset_index(drop=True)
    chosen.insert(0, "sample_id", [f"{args.prefix}{i:03d}" for i in range(1, len(chosen) + 1)])
    chosen[SAMPLE_COLUMNS].to_csv(args.out, index=False)
    print(f"{len(chosen)} rows ({(chosen['stratum'] == 'random').sum()} random, "
          f"{(chosen['stratum'] == 'figure').sum()} behind the figure) -> {args.out}")
    return 0


def _articles(corpus_path: str) -> pd.DataFrame:
    import corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", corpus.CorpusWarning)
        return corpus.load_corpus(corpus_path).set_index("doc_id")


def make_corpus(args: argparse.Namespace) -> int:
    """The folder the samples' offsets refer to: the 371 Iran/Iraq articles' records of ``articles.jsonl.gz``
    (whose texts, unlike the subset's ``text/`` files, do not repeat the title), outside the repository."""
    from corpus.ingest.allsides import write_corpus_folder_from_jsonl

    subset = pd.read_csv(Path(args.subset) / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    folder = write_corpus_folder_from_jsonl(args.jsonl, args.out, ids=set(subset["id"]))
    print(f"{len(list(folder.glob('*.txt')))} articles -> {folder}")
    return 0


def tasks(args: argparse.Namespace) -> int:
    """One folder for the judges: each article's clean text, and a list of cues to judge (no tool output)."""
    sample = pd.read_csv(args.sample, dtype={"doc_id": str})
    articles = _articles(args.corpus)
    out = Path(args.out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    lines = []
    for row in sample.itertuples():
        text = articles.loc[row.doc_id, "text"]
        (out / "articles" / f"{row.doc_id}.txt").write_text(text, encoding="utf-8")
        start, end = int(row.cue_start), int(row.cue_end)
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        paragraph = text[left:start] + "[[" + text[start:end] + "]]" + text[end:right if right >= 0 else None]
        lines.append({"sample_id": row.sample_id, "article": f"articles/{row.doc_id}.txt",
                      "outlet": articles.loc[row.doc_id, "outlet"], "cue": text[start:end],
                      "cue_start": start, "paragraph_with_cue_marked": paragraph})
    with open(out / "tasks.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    print(f"{len(lines)} tasks, {sample['doc_id'].nunique()} articles -> {out}")
    return 0


def normalise(name: str) -> str:
    name = name.lower().replace("’", "'").replace("u.s.", "us")
    name = re.sub(r"^the\s+", "", name.strip())
    # a middle initial names the same person: "Alexander S. Vindman" is "Alexander Vindman"
    name = re.sub(r"(?<=\w) [a-z]\.(?= \w)", "", name)
    return " ".join(re.findall(r"[a-z0-9\[\]]+", name))


def _entity(name: str) -> str:
    """A name in the form the project's alias table gives its entity ("UK" and "Britain" are "United Kingdom",
    "State Department" is "US State Department"), so that two names of one body compare equal."""
    from corpus.extract.entities import aliased

    return normalise(aliased(name))


def _role_head(name: str) -> str:
    """An unnamed source ``role [affiliation]`` as the protocol states it, the role's head noun in the singular
    ("Middle East watcher [US]" is "watcher [us]", "officials [US]" is "official [us]"); any other name as it is."""
    found = re.fullmatch(r"(.*?)\s*(\[[^\]]*\])", name)
    if not found or not found.group(1).split():
        return name
    # the head noun stands before a post-modifier: "person close to Brian Hook", "proponent of U.S. withdrawal"
    role = re.split(r"\s+(?:of|to|close|familiar|with|from|in|at|for|on|who|that)\s", found.group(1), maxsplit=1)[0]
    head = role.split()[-1]
    head = re.sub(r"(?<=[^s])s$", "", head)
    return f"{head} [{_side(found.group(2)[1:-1])}]"


def _side(bracket: str) -> str:
    """The side a role's bracket names, as the protocol's affiliation column would (US, Iran, Iraq, other,
    unknown): a reader who wrote the country ("official [Saudi Arabia]", "official [UN]") meant ``other``, as
    the project's affiliation terms place it; a bracket they do not place is kept as written."""
    from corpus.extract.affiliation import affiliation_terms

    words = tuple(bracket.lower().split())
    if " ".join(words) in {"us", "iran", "iraq", "other", "unknown"}:
        return bracket
    side = affiliation_terms().get(words)
    return normalise(side) if side else bracket


def speaker_matches(predicted: str, gold: str, *, whole_role: bool = False) -> bool:
    """The extractor's canonical source against the judges' speaker (alternatives separated by ``|``), both
    through the alias table; unnamed sources by their role's head noun unless ``whole_role``."""
    key = _entity if whole_role else (lambda name: _role_head(_entity(name)))
    return _party(key(predicted)) in {_party(key(g)) for g in gold.split("|") if g.strip()}


PARTY_NAMES = {"democrats": "democratic party", "democrat [us]": "democratic party",
               "republicans": "republican party", "republican [us]": "republican party", "gop": "republican party"}
"""A US party's members as a group, however a reader writes them: "Democrats", "Democrat [US]" (unnamed
members) and "Democratic Party" name one source, as readers split between the three on the same rows."""


def _party(name: str) -> str:
    return PARTY_NAMES.get(name, name)


def extracted(articles: pd.DataFrame, *, n_process: int = 2) -> pd.DataFrame:
    """The attributions table of the whole corpus as notebook 02 uses it: corpus-level speaker resolution, and
    only what the analyses count (asserted, not negated, hypothetical, asked or inferred)."""
    from corpus.analysis.speakers import resolve_speakers
    from corpus.nlp.annotate import annotate
    from corpus.tables.build import load_tables

    articles = articles.reset_index()
    annotate(articles, n_process=n_process)  # fills the parse cache, so that editing an extractor re-parses nothing
    table = resolve_speakers(load_tables(articles, tables=["attributions"]).tables["attributions"])
    return table[table["factuality"] == "asserted"]


def _cue_still_there(text: str, start: int, end: int, cue: str) -> bool:
    """The sample keeps the cue's lemma ("say" for "said", "tell" for "told"): a word of the same length class
    starting with the same letter, or the colon or dash itself, must still be at the offsets."""
    found = text[start:end].lower()
    return bool(found) and found[0] == cue.lower()[0] and (found.replace(" ", "").isalpha() == cue.replace(" ", "").isalpha())


def score(args: argparse.Namespace) -> int:
    sample = pd.read_csv(args.sample, dtype=str, keep_default_na=False)
    articles = _articles(args.corpus)
    found = extracted(articles)
    if args.cue_kinds:
        found = found[found["cue_kind"].isin(args.cue_kinds.split(","))]
    by_cue = {(r.doc_id, int(r.cue_start)): r for r in found.itertuples()}
    adrift = [row.sample_id for row in sample.itertuples() if int(row.cue_start) >= 0
              and not _cue_still_there(articles.loc[row.doc_id, "text"], int(row.cue_start), int(row.cue_end), row.cue)]
    if adrift:
        # a cleaning change moved the text: re-anchor the sample (its offsets) before scoring, never score it adrift
        raise SystemExit(f"the cue of {len(adrift)} rows is no longer at its offsets: {', '.join(adrift)}")
    rows = []
    for row in sample.itertuples():
        # cue_start -1: the cleaning now removes the words the cue was in (page chrome), so nothing can be extracted
        hit = by_cue.get((row.doc_id, int(row.cue_start)))
        gold_yes = row.is_attribution == "yes"
        rows.append({
            "sample_id": row.sample_id, "stratum": row.stratum, "is_attribution": gold_yes, "extracted": hit is not None,
            "speaker_ok": bool(hit is not None and gold_yes and speaker_matches(hit.source_canonical, row.speaker)),
            "speaker_whole_role_ok": bool(hit is not None and gold_yes
                                          and speaker_matches(hit.source_canonical, row.speaker, whole_role=True)),
            "type_ok": bool(hit is not None and gold_yes and hit.source_type == row.source_type),
            "affiliation_ok": bool(hit is not None and gold_yes and hit.affiliation == row.affiliation),
            "predicted": "" if hit is None else f"{hit.source_canonical} / {hit.source_type} / {hit.affiliation}",
            "gold": f"{row.speaker} / {row.source_type} / {row.affiliation}" if gold_yes else "not an attribution",
        })
    scored = pd.DataFrame(rows)
    report = {}
    for stratum, part in [("all", scored), *scored.groupby("stratum")]:
        real = part[part["is_attribution"]]
        non = part[~part["is_attribution"]]
        report[stratum] = {
            "rows": len(part), "attributions": len(real), "non_attributions": len(non),
            "speaker_accuracy": round(real["speaker_ok"].mean(), 3) if len(real) else None,
            "speaker_accuracy_whole_role": round(real["speaker_whole_role_ok"].mean(), 3) if len(real) else None,
            "type_accuracy": round(real["type_ok"].mean(), 3) if len(real) else None,
            "affiliation_accuracy": round(real["affiliation_ok"].mean(), 3) if len(real) else None,
            "attributions_still_extracted": int(real["extracted"].sum()),
            "non_attributions_still_extracted": int(non["extracted"].sum()),
        }
    print(json.dumps(report, indent=1))
    if args.errors:
        wrong = scored[scored["is_attribution"] & ~(scored["speaker_ok"] & scored["type_ok"] & scored["affiliation_ok"])]
        wrong = pd.concat([wrong, scored[~scored["is_attribution"] & scored["extracted"]]])
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 80, "display.width", 250):
            print(wrong[["sample_id", "predicted", "gold"]].to_string(index=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def _readings_agree(first: str, second: str) -> bool:
    """Two readers' speakers agree when an alternative of one matches the other's (as the scorer matches)."""
    return any(speaker_matches(name.strip(), second) for name in first.split("|") if name.strip())


def agree(args: argparse.Namespace) -> int:
    """How far two blind readings of one sample agree: the ceiling a single reading puts on an accuracy."""
    first = pd.read_csv(args.sample, dtype=str, keep_default_na=False).set_index("sample_id")
    second = pd.read_csv(args.second, dtype=str, keep_default_na=False).set_index("sample_id")
    if set(first.index) != set(second.index):
        raise SystemExit(f"the readings cover different rows: {sorted(set(first.index) ^ set(second.index))}")
    both = first.join(second[["is_attribution", "speaker", "source_type", "affiliation"]], suffixes=("", "_second"))
    yes = both[(both["is_attribution"] == "yes") & (both["is_attribution_second"] == "yes")]
    speaker = [_readings_agree(r.speaker, r.speaker_second) for r in yes.itertuples()]
    report = {
        "rows": len(both),
        "is_attribution_agreement": round((both["is_attribution"] == both["is_attribution_second"]).mean(), 3),
        "non_attributions": {"first": int((both["is_attribution"] == "no").sum()),
                             "second": int((both["is_attribution_second"] == "no").sum()),
                             "both": int(((both["is_attribution"] == "no") & (both["is_attribution_second"] == "no")).sum())},
        "both_attributions": len(yes),
        "speaker_agreement": round(sum(speaker) / len(yes), 3) if len(yes) else None,
        "type_agreement": round((yes["source_type"] == yes["source_type_second"]).mean(), 3) if len(yes) else None,
        "affiliation_agreement": round((yes["affiliation"] == yes["affiliation_second"]).mean(), 3) if len(yes) else None,
    }
    print(json.dumps(report, indent=1))
    if args.errors:
        differ = both[(both["is_attribution"] != both["is_attribution_second"])
                      | both.index.isin(yes.index[[not ok for ok in speaker]])
                      | both.index.isin(yes.index[(yes["source_type"] != yes["source_type_second"])
                                                  | (yes["affiliation"] != yes["affiliation_second"])])]
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 60, "display.width", 250):
            print(differ[["is_attribution", "speaker", "source_type", "affiliation", "is_attribution_second",
                          "speaker_second", "source_type_second", "affiliation_second"]].to_string())
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--attributions", required=True)
    d.add_argument("--top-sources", required=True)
    d.add_argument("--random", type=int, default=70)
    d.add_argument("--figure", type=int, default=50)
    d.add_argument("--seed", type=int, default=17)
    d.add_argument("--exclude", nargs="*", default=None, help="earlier samples whose rows are not drawn again")
    d.add_argument("--prefix", default="a", help="prefix of the sample ids (a second sample: b)")
    d.add_argument("--out", required=True)
    d.set_defaults(func=draw)
    c = sub.add_parser("corpus", help="write the corpus folder the samples' offsets refer to")
    c.add_argument("--jsonl", default="../shared/data/allsides/articles.jsonl.gz")
    c.add_argument("--subset", default="../shared/data/allsides/iran_iraq_2019_2020")
    c.add_argument("--out", required=True)
    c.set_defaults(func=make_corpus)
    t = sub.add_parser("tasks")
    t.add_argument("--sample", required=True)
    t.add_argument("--corpus", required=True)
    t.add_argument("--out", required=True)
    t.set_defaults(func=tasks)
    s = sub.add_parser("score")
    s.add_argument("--sample", default=str(Path(__file__).with_name("attribution_sample.csv")))
    s.add_argument("--corpus", required=True)
    s.add_argument("--cue-kinds", default="", help="comma-separated cue kinds to count as extracted (default: all)")
    s.add_argument("--errors", action="store_true", help="list the rows scored wrong")
    s.add_argument("--json", default=None)
    s.set_defaults(func=score)
    a = sub.add_parser("agree", help="agreement of a second blind reading with a sample's first")
    a.add_argument("--sample", required=True)
    a.add_argument("--second", required=True, help="the second reading: sample_id and the four answers")
    a.add_argument("--errors", action="store_true", help="list the rows the readings differ on")
    a.add_argument("--json", default=None)
    a.set_defaults(func=agree)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
