"""``index.html``: the figure set as a page a person can open in a browser.

Every figure with its caption, links to its CSV and to the executed notebook, and the run's facts.
All text placed in the page is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
table.facts { border-collapse: collapse; font-size: .9rem; } table.facts td { padding: .15rem .8rem .15rem 0; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { font-size: .92rem; line-height: 1.4; margin-top: .4rem; } .links { font-size: .85rem; }
.failed { color: #b00020; font-weight: bold; } .ok { color: #2e7d32; }
.warnings { background: #fff8e1; border-left: 4px solid #f9a825; padding: .2rem 1rem; margin-top: 1rem; }
.warnings h2 { margin-top: .6rem; border: none; font-size: 1.1rem; }
"""


def _facts(manifest: dict) -> str:
    git = manifest.get("git", {})
    software = manifest.get("software", {})
    model = software.get("spacy_model", {})
    corpus = manifest.get("corpus", {})
    changes = manifest.get("changes", {})
    rows = [
        ("run", manifest.get("run_id", "")),
        ("started / finished (UTC)", f"{manifest.get('started', '')} / {manifest.get('finished', '')}"),
        ("git commit", f"{git.get('commit') or 'not a git checkout'}{' (uncommitted changes)' if git.get('dirty') else ''}"),
        ("Python", software.get("python", "")),
        ("spaCy model", f"{model.get('name', '')} {model.get('version') or ''}"),
        ("corpus", f"{corpus.get('path', '')}: {corpus.get('n_files', 0)} files, sha256 {corpus.get('content_sha256', '')[:16]}…"),
        ("since the previous run", f"{len(changes.get('changed', []))} changed, {len(changes.get('added', []))} added, "
                                   f"{len(changes.get('removed', []))} removed, {changes.get('unchanged', 0)} unchanged"),
    ]
    cells = "".join(f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in rows)
    return f'<table class="facts">{cells}</table>'


def _warnings(manifest: dict) -> str:
    """The corpus's loading problems, where a reader sees them before any figure."""
    problems = manifest.get("warnings") or []
    if not problems:
        return ""
    items = []
    for problem in problems:
        row = f" row {problem['row']}" if problem.get("row") is not None else ""
        items.append(f"<li><code>{escape(str(problem.get('file', '')))}</code>{escape(row)}: "
                     f"{escape(str(problem.get('problem', '')))}</li>")
    return (f'<section class="warnings"><h2>{len(problems)} problem(s) loading the corpus</h2>'
            f"<p>Files skipped or read with a repair; the figures count only what was loaded.</p>"
            f"<ul>{''.join(items)}</ul>"
            "</section>")


def render_index(manifest: dict) -> str:
    """The gallery page for a manifest (figures grouped by notebook, in run order)."""
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape('Figure set ' + str(manifest.get('run_id', '')))}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>US–Iran military tension in Iraq: figure set</h1>", _facts(manifest), _warnings(manifest),
        '<p class="links"><a href="manifest.json">manifest.json</a> · tables: '
        + " · ".join(f'<a href="{escape(t["file"])}">{escape(t["name"])}</a>' for t in manifest.get("tables", []))
        + "</p>",
    ]
    figures = manifest.get("figures", [])
    for notebook in manifest.get("notebooks", []):
        name, status = notebook["name"], notebook["status"]
        label = "ok" if status == "ok" else "failed"
        parts.append(f'<h2 id="{escape(name)}">{escape(name)} <span class="{label}">{escape(status)}</span> '
                     f'<span class="links">({notebook.get("duration_s", 0):.1f} s · '
                     f'<a href="{escape(notebook.get("executed", ""))}">executed notebook</a>)</span></h2>')
        if notebook.get("error"):
            error = notebook["error"]
            parts.append(f'<p class="failed">{escape(error.get("ename", ""))}: {escape(error.get("evalue", ""))} '
                         f'(cell {escape(str(error.get("cell", "?")))})</p>')
        for figure in (f for f in figures if f["notebook"] == name):
            files = figure["files"]
            links = [f'<a href="{escape(files["csv"])}">data (CSV)</a>']
            if "svg" in files:
                links.append(f'<a href="{escape(files["svg"])}">SVG</a>')
            links.append(f'<a href="{escape(notebook.get("executed", ""))}">notebook</a>')
            parts.append(
                f'<figure id="{escape(name + "-" + figure["name"])}"><img src="{escape(files["png"])}" '
                f'alt="{escape(figure["caption"])}">'
                f"<figcaption><strong>{escape(figure['name'])}.</strong> {escape(figure['caption'])} "
                f'<span class="links">{" · ".join(links)}</span></figcaption></figure>'
            )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
