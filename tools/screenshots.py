"""Screenshots of the pages for the README, taken in headless Chromium as a user would see them.

Run from the repository root after `make build`: `.venv/bin/python tools/screenshots.py [--graph exports]
[--out docs] [--entity DeepSeek]`. Serves the graph with `aigraph serve` (in this process, on a free port),
opens the entity's page and the funding page at 1400x1000, and writes docs/entity-page.png,
docs/funding-page.png and docs/overview.png.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=Path("exports"))
    ap.add_argument("--out", type=Path, default=Path("docs"))
    ap.add_argument("--entity", default="DeepSeek")
    opts = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from aigraph.serve.endpoint import make_server

    opts.out.mkdir(parents=True, exist_ok=True)
    srv = make_server(opts.graph, port=0, quiet=True, workers=1)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    shots = {"entity-page.png": "/entity/" + quote(opts.entity, safe=""), "funding-page.png": "/funding",
             "overview.png": "/graph"}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, path in shots.items():
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(srv.url + path)
                page.wait_for_selector("body[data-ready='1']", timeout=30000)
                page.wait_for_timeout(300)
                page.screenshot(path=str(opts.out / name))
                page.close()
                print(opts.out / name, file=sys.stderr)
            browser.close()
    finally:
        srv.shutdown()
        srv.server_close()


if __name__ == "__main__":
    main()
