"""Headless Chromium for the page: screenshots, the browser tests and the render benchmark.

Selenium is a test/extra dependency, so it is imported only when a browser is actually asked for.
The browser is started offline-minded (no sync, no component updates, no background networking) with
a throwaway profile, and with performance + console logs on so a caller can prove the page fetched
nothing and logged no error.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CHROME_FLAGS", "chrome", "find_chromium", "screenshot", "wait_stable"]

CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
    "--disable-default-apps", "--metrics-recording-only", "--mute-audio",
    "--hide-scrollbars", "--force-device-scale-factor=1",
)


def find_chromium() -> tuple[str, str] | None:
    """(browser, chromedriver) paths, from $ACTORGRAPH_CHROMIUM / $ACTORGRAPH_CHROMEDRIVER or PATH."""
    browser = os.environ.get("ACTORGRAPH_CHROMIUM") or next(
        (p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"),
                     shutil.which("google-chrome")) if p and Path(p).exists()), None)
    driver = os.environ.get("ACTORGRAPH_CHROMEDRIVER") or next(
        (p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver")) if p and Path(p).exists()), None)
    return (browser, driver) if browser and driver else None


@contextmanager
def chrome(width: int = 1400, height: int = 900) -> Iterator:
    """A headless Chromium WebDriver with a fresh profile; closed and cleaned up on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if not found:
        raise RuntimeError("no Chromium/chromedriver found (set ACTORGRAPH_CHROMIUM and ACTORGRAPH_CHROMEDRIVER)")
    browser, driver_path = found
    profile = tempfile.mkdtemp(prefix="actorgraph-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for flag in CHROME_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--window-size={width},{height}")
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        # --window-size includes browser chrome; pin the page's viewport itself for exact screenshots
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_stable(driver, timeout: float = 60.0) -> float:
    """Wait until the page has laid out and frozen its physics; return window.__stabilizedAt (ms)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script("return window.__stabilizedAt === undefined ? null : window.__stabilizedAt")
        if value is not None:
            return float(value)
        time.sleep(0.05)
    raise TimeoutError(f"page did not stabilise within {timeout} s")


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1400,
               height: int = 900, *, show_all: bool = False,
               edge: tuple[str, str, str] | None = None, focus: str | None = None) -> Path:
    """Open the page from file://, wait for the layout to freeze, and save a PNG of the window.

    ``show_all`` ticks "show edges with no asserted claim" first; ``edge`` = (source id, relation,
    target id), e.g. ("USA", "pressures", "ISR"), opens that edge's evidence in the side panel;
    ``focus`` = an actor id focuses its neighbourhood (the rest faded) and opens its profile."""
    src, out = Path(html_path).resolve(), Path(png_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with chrome(width, height) as driver:
        driver.get(src.as_uri())
        wait_stable(driver)
        if show_all:
            driver.execute_script("document.getElementById('ag-show-all').click()")
        if focus:
            driver.execute_script("actorgraph.focus(arguments[0]); actorgraph.showNode(arguments[0]);", focus)
            wait_stable(driver)
        if edge:
            driver.execute_script(
                "var k = arguments[0], e = actorgraph.data.edges.find(function (x) {"
                " return x.rel === k[1] && ((x.from === k[0] && x.to === k[2]) || (x.from === k[2] && x.to === k[0])); });"
                " if (e) actorgraph.selectEdge(e.id);", list(edge))
        time.sleep(0.4)  # let the final fit and any selection redraw
        driver.save_screenshot(str(out))
    return out
