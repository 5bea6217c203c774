from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import spacy.language

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file below a folder: proves a call wrote nothing there."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def load_untouched(path: Path, **options):
    """``corpus.load_corpus(path, **options)`` and its warning messages; asserts that nothing under the input's
    folder (the folder of a corpus file) was written."""
    import warnings

    import corpus

    folder = path if path.is_dir() else path.parent
    before = tree_digest(folder)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = corpus.load_corpus(path, **options)
    assert tree_digest(folder) == before, "the loader wrote beside its input"
    return frame, [str(w.message) for w in caught if issubclass(w.category, corpus.CorpusWarning)]


@pytest.fixture(scope="session")
def seed_corpus():
    import corpus

    return corpus.load_corpus()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds, for tests that damage a corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


class ParseCounter:
    """Counts the texts that go through ``Language.pipe``: zero means the parser never ran."""

    def __init__(self, monkeypatch):
        self.texts = []
        original = spacy.language.Language.pipe

        def counting_pipe(nlp, texts, *args, **kwargs):
            texts = list(texts)
            self.texts.extend(texts)
            return original(nlp, texts, *args, **kwargs)

        monkeypatch.setattr(spacy.language.Language, "pipe", counting_pipe)
