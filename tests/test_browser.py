"""The exploration notebook in a real browser: JupyterLab on a free local port, the notebook opened and run in
headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), one control used, and the widget
output and an interactive chart checked in the page. Skipped, saying so, where Chromium is not installed;
``.ci/run`` installs it."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time

import nbformat
import pytest

from h20lib import config

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="browser test skipped: Chromium not installed (apt-get install chromium chromium-driver; .ci/run does)",
)
NOTEBOOK = "07_explore.ipynb"
TOKEN = "h20lib-browser-test"
WAIT_SECONDS = 180
SEED_SENTENCES = 122  # headlines and body sentences of the seeds, which the notebook explores by default


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _until(condition, *, what: str, seconds: float = WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def lab(tmp_path):
    """JupyterLab serving a copy of the exploration notebook whose HTML pages go to ``tmp_path``; its URL."""
    root = tmp_path / "lab"
    root.mkdir()
    nb = nbformat.read(config.NOTEBOOKS_DIR / NOTEBOOK, as_version=4)
    (parameters,) = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
    parameters.source = parameters.source.replace(
        'output_dir: str = ""', f"output_dir: str = {str(tmp_path / 'figures')!r}"
    )
    nbformat.write(nb, root / NOTEBOOK)
    news = tmp_path / "lab-settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false"}), encoding="utf-8")  # no prompt about Jupyter's news feed
    port = _free_port()
    environment = os.environ | {
        "H20LIB_CACHE": os.environ.get("H20LIB_CACHE", str(tmp_path / "cache")),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-workspaces"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.expose_app_in_browser=True",
            "--allow-root",  # CI machines run as root
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(lambda: _answers(port), what="JupyterLab to start", seconds=60)
        yield f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}?token={TOKEN}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--window-size=1500,2200",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# The notebook panel in the main area (JupyterLab's current widget is unset in a window without focus).
NOTEBOOK_PANEL = "const panel = Array.from(window.jupyterapp.shell.widgets('main')).find(w => w.sessionContext);"


def _kernel_status(browser) -> str:
    return browser.execute_script(
        NOTEBOOK_PANEL + "if (!panel) return '';"
        "window.jupyterapp.shell.activateById(panel.id);"
        "const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;"
        "return kernel ? kernel.status : '';"
    )


def _count(browser) -> str:
    """The explorer's count line ("122 sentences"), read in the page: the widget redraws it when a filter changes."""
    return browser.execute_script("const c = document.querySelector('.h20lib-count'); return c ? c.textContent : '';")


def _table_groups(browser) -> list[str]:
    """The ``group`` cells of the rows the sentence table shows."""
    return browser.execute_script(
        # With horizontal scrolling DataTables draws the header and the body as two tables.
        "const tables = Array.from(document.querySelectorAll('.jp-OutputArea table.dataTable'));"
        "const head = tables.find(t => Array.from(t.querySelectorAll('thead th')).some(th => th.textContent.trim()));"
        "const body = tables.find(t => t.querySelector('tbody tr'));"
        "if (!head || !body) return [];"
        "const column = Array.from(head.querySelectorAll('thead th')).map(th => th.textContent.trim()).indexOf('group');"
        "return Array.from(body.querySelectorAll('tbody tr')).map(tr => tr.children[column])"
        ".filter(cell => cell).map(cell => cell.textContent.trim());"
    )


def test_the_exploration_notebook_runs_and_responds_in_a_browser(lab, browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(lab)
    _until(lambda: _kernel_status(browser) == "idle", what="the notebook's kernel")
    outcome = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.jupyterapp.commands.execute('notebook:run-all-cells').then(() => done('ran'), e => done(String(e)));"
    )
    assert outcome == "ran"
    _until(lambda: _kernel_status(browser) == "idle" and _count(browser), what="the notebook to run")
    errors = browser.find_elements(
        By.CSS_SELECTOR, ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    assert [error.text for error in errors] == []
    # The table (itables), the filters (ipywidgets) and the charts (Vega-Lite, drawn by JupyterLab): the explorer's
    # own and the three group comparisons.
    rows = browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea table.dataTable tbody tr")
    assert len(rows) == 10
    charts = _until(
        lambda: browser.find_elements(By.CSS_SELECTOR, ".vega-embed canvas, .vega-embed svg.marks"), what="charts"
    )
    assert len(charts) >= 4
    before = _count(browser)
    assert before.startswith(f"{SEED_SENTENCES} sentences")
    groups = browser.find_element(By.CSS_SELECTOR, ".widget-select-multiple select")
    chosen = "us_media"
    Select(groups).select_by_visible_text(chosen)
    after = _until(lambda: _count(browser) != before and _count(browser), what="the table to follow the control")
    assert int(after.split()[0]) < SEED_SENTENCES
    # The count line is redrawn before the table, so wait for the table's rows themselves to change.
    _until(lambda: set(_table_groups(browser)) == {chosen}, what=f"the table to show only {chosen} rows")
    _until(
        lambda: browser.find_elements(
            By.XPATH, f"//*[contains(@class, 'vega-embed')]//*[contains(text(), '{after.split()[0]} sentences')]"
        ),
        what="the chart to follow the control",
    )
    # Clicking a bar of the explorer's chart lists the sentences behind it under the chart.
    chart = browser.find_element(By.CSS_SELECTOR, ".jupyter-widgets .vega-embed")
    lines_before = len(chart.find_elements(By.CSS_SELECTOR, "g.mark-text text"))
    ActionChains(browser).move_to_element(
        chart.find_elements(By.CSS_SELECTOR, "g.mark-rect path")[-1]
    ).click().perform()
    _until(
        lambda: len(chart.find_elements(By.CSS_SELECTOR, "g.mark-text text")) > lines_before,
        what="the sentences behind the bar",
    )
    # Selecting a row shows that sentence in context, with its speaker and the evidence behind its labels.
    assert browser.find_elements(By.CSS_SELECTOR, ".jupyter-widgets table.h20lib-evidence") == []
    browser.execute_script(
        "const body = Array.from(document.querySelectorAll('.jp-OutputArea table.dataTable'))"
        ".find(t => t.querySelector('tbody tr'));"
        "body.querySelector('tbody tr td').click();"
    )
    evidence = _until(
        lambda: browser.find_elements(By.CSS_SELECTOR, ".jupyter-widgets table.h20lib-evidence"), what="the evidence"
    )
    assert "P(any stance)" in evidence[0].text
    browser.execute_script(
        "arguments[0].scrollIntoView()", browser.find_element(By.CSS_SELECTOR, ".widget-select-multiple")
    )
    browser.save_screenshot(str(tmp_path / "exploration.png"))
    assert (tmp_path / "exploration.png").stat().st_size > 50_000
    assert sorted(path.name for path in (tmp_path / "figures" / "interactive").iterdir()) == [
        "frames_by_group.html",
        "sentiment_by_group.html",
        "stance_by_group.html",
    ]
