"""The package layout shows the flow: a subpackage per stage, no import circles, no private names across stages."""

from __future__ import annotations

import ast
import json
import re

from conftest import PROJECT

PACKAGE = PROJECT / "corpus"
STAGES = ("ingest", "nlp", "extract", "tables", "analysis", "plots", "explore", "publish")
TOP_LEVEL_MODULES = {"__init__", "__main__", "cli", "evaluate", "notebook", "paths", "resources"}


def _module_name(path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text("utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _module_level_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Imports run when the module is imported (not those inside functions)."""
    found = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, (ast.If, ast.Try)):
            found += [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    return found


def _targets(node, modules: set[str]) -> list[tuple[str, list[str]]]:
    """(imported corpus module, names taken from it) for one import statement."""
    if isinstance(node, ast.Import):
        return [(a.name, []) for a in node.names if a.name in modules]
    if not node.module or not node.module.startswith("corpus"):
        return []
    out = [(node.module, [a.name for a in node.names])]
    out += [(f"{node.module}.{a.name}", []) for a in node.names if f"{node.module}.{a.name}" in modules]
    return out


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else "top"


def test_every_stage_is_a_subpackage_that_states_its_contract():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.exists(), stage
        tree = ast.parse(init.read_text("utf-8"))
        assert ast.get_docstring(tree), f"corpus/{stage}/__init__.py has no docstring stating its contract"
        assert any(isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
                   or isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "__all__" for n in tree.body), stage


def test_only_a_handful_of_modules_sit_directly_in_the_package():
    assert {p.stem for p in PACKAGE.glob("*.py")} <= TOP_LEVEL_MODULES


def test_no_module_level_import_circle():
    modules = _modules()
    names = set(modules)
    graph = {name: {target for node in _module_level_imports(tree) for target, _ in _targets(node, names)
                    if target != name}
             for name, tree in modules.items()}
    # a package imports its submodules from its __init__: that edge is the package's own face, not a circle
    for name in graph:
        graph[name] = {t for t in graph[name] if not (t.startswith(name + ".") and name in names)}
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            assert state.get(nxt) != 1, "import circle: " + " -> ".join(path + [nxt])
            if state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if state.get(name) is None:
            visit(name, [name])


def test_no_private_name_is_imported_across_stages():
    modules = _modules()
    names = set(modules)
    crossings = []
    for name, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target, taken in _targets(node, names):
                    if _stage(target) != _stage(name):
                        crossings += [f"{name} imports {target}.{t}" for t in taken if t.startswith("_")]
    assert crossings == []


def test_no_module_is_named_for_its_stage():
    assert not [p for p in PACKAGE.rglob("*.py") if p.stem.endswith(("_analysis", "_plots"))]


def test_every_notebook_uses_the_one_setup_call():
    for path in sorted((PROJECT / "notebooks").glob("*.ipynb")):
        cells = [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
        source = "".join(cells[1]["source"])  # the cell after `parameters`
        assert re.search(r"^from corpus\.notebook import (\w+, )*setup\b", source, re.M) and "= setup(" in source, \
            path.name
        everything = "\n".join("".join(c["source"]) for c in cells)
        assert "load_corpus(" not in everything and "load_tables(" not in everything, path.name


def test_reading_a_store_does_not_load_spacy():
    """What a notebook imports to read a synced store leaves spaCy unloaded (0.7 s of every kernel's start-up);
    the names of the parsing stage still resolve, and load it only when used."""
    import subprocess
    import sys

    probe = ("import sys\n"
             "import corpus, corpus.notebook, corpus.analysis, corpus.plots, corpus.publish.figures, corpus.explore\n"
             "from corpus.nlp import annotate\n"
             "from corpus.tables.store import open_synced, sync\n"
             "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
             "assert callable(annotate) and not loaded, loaded[:5]\n"
             "from corpus.nlp import build_pipeline\n"
             "assert 'spacy' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0, done.stderr[-2000:]
