"""The exploration notebook in a real JupyterLab, driven by headless Chromium (Debian's ``chromium``).

Skipped, with the reason, where ``/usr/bin/chromium`` or Playwright is missing; ``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECT

CHROMIUM = Path(os.environ.get("CORPUS_CHROMIUM", "/usr/bin/chromium"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on a free loopback port with a token, serving a copy of the explore notebook."""
    (tmp_path / "notebooks").mkdir()
    shutil.copy(PROJECT / "notebooks" / "05_explore.ipynb", tmp_path / "notebooks" / "05_explore.ipynb")
    port, token = _free_port(), "corpus-browser-test"
    env = {**os.environ, "CORPUS_CACHE_DIR": str(tmp_path / "cache"), "JUPYTER_CONFIG_DIR": str(tmp_path / "jconfig"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "jruntime")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--ServerApp.token={token}", f"--ServerApp.root_dir={tmp_path}", "--LabApp.expose_app_in_browser=True",
         "--ServerApp.open_browser=False", *(["--allow-root"] if os.geteuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "jupyterlab.log", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if server.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + (tmp_path / "jupyterlab.log").read_text()[-2000:])
        yield base, token, tmp_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_explore_notebook_runs_in_jupyterlab_and_its_widgets_respond(jupyterlab):
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    base, token, folder = jupyterlab
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/notebooks/05_explore.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                               timeout=90_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        # every code cell has run when no prompt shows '*' and every code cell has an execution count
        page.wait_for_function("""() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=240_000)
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"], '
                              '.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')
        assert errors.count() == 0, errors.first.inner_text()
        # the highlighted article: displaCy's span view with attribution labels
        article = page.locator(".jp-OutputArea-output .spans").first
        article.wait_for(timeout=30_000)
        text = article.text_content()
        assert "SOURCE" in text and "CUE" in text and "TROOPS" in text

        # widgets respond: choose another article, and another concordance term
        picker = page.locator(".widget-dropdown select").first
        options = picker.locator("option").all_inner_texts()
        assert len(options) == 5
        picker.select_option(label=options[3])
        outlet = options[3].replace("\xa0", " ").split(" — ")[0]  # option labels use no-break spaces
        page.wait_for_function(f"""() => [...document.querySelectorAll('.widget-html-content')]
            .some(e => e.textContent.startsWith({outlet + ':'!r})
                       && e.textContent.includes('SOURCE'))""",
                               timeout=60_000)
        term = page.locator(".widget-text input[type=text]").first
        kwic_cells = "[...document.querySelectorAll('table.corpus-kwic-lines td')].map(td => td.textContent.trim())"
        assert page.evaluate(f"() => {kwic_cells}.includes('Soleimani') && !{kwic_cells}.includes('Pentagon')")
        term.fill("Pentagon")
        term.press("Enter")
        page.wait_for_function("""() => [...document.querySelectorAll('table.corpus-kwic-lines td')]
            .some(td => td.textContent.trim() === 'Pentagon')""", timeout=60_000)
        page.screenshot(path=str(folder / "explore.png"), full_page=True)
        page.locator(".widget-html-content").first.screenshot(path=str(folder / "article-widget.png"))
        browser.close()
    assert (folder / "explore.png").stat().st_size > 10_000
    assert (folder / "figures" / "05_explore" / "article.html").is_file()
