"""How long until the program is usable: from starting the process to the main window shown
with its shortcut panel filled, logged in on a local SQLite database (warm: the files were
read before). Run by hand; prints a table.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--customers 10000]

Each run is a new process, as a user starts the program; the login itself is timed apart
(argon2id hashing is deliberately slow).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import URL

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

USERNAME = "bench_admin"
PASSWORD = "Bench-Passw0rd-2026"

CHILD = """
import json, sys, time
started = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url
from app import auth, login_flow
from ui import fonts, i18n
from ui.main_window import MainWindow

app = QApplication([])
i18n.install_translators(app, "zh_CN")
fonts.use_cjk_font(app)
imported = time.time()
url = make_url(sys.argv[2])
login_started = time.time()
logged_in = auth.login(url, sys.argv[3], sys.argv[4], login_flow.upgrade_command(url))
login_ended = time.time()
window = MainWindow(logged_in, "zh_CN")
window.resize(1280, 800)
window.show()
while window.shortcut_panel.is_loading():
    app.processEvents()
    time.sleep(0.001)
app.processEvents()
shown = time.time()
print(json.dumps({
    "start_to_ready": imported - started,
    "login": login_ended - login_started,
    "window": shown - login_ended,
    "total_without_login": (imported - started) + (shown - login_ended),
}))
window.close()
logged_in.close()
"""


def prepare(folder: Path, customers: int) -> URL:
    from app import auth, cli, login_flow

    path = folder / "startup.db"
    url = URL.create("sqlite", database=str(path))
    cli.main(["--db", str(path), "db", "upgrade"])
    if customers:
        cli.main(["--db", str(path), "demo", "--customers", str(customers)])
    login_flow.prepare_database(url)
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        auth.create_first_administrator(engine, USERNAME, PASSWORD, "基准")
    finally:
        engine.dispose()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--customers", type=int, default=10_000)
    args = parser.parse_args()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        url = prepare(Path(folder), args.customers)
        results = []
        for run in range(args.runs + 1):  # the first run warms the file cache
            started = time.time()
            finished = subprocess.run(
                [sys.executable, "-c", CHILD, str(started), str(url), USERNAME, PASSWORD],
                capture_output=True,
                text=True,
                env=environment,
                check=True,
            )
            if run:
                results.append(json.loads(finished.stdout.strip().splitlines()[-1]))
    print(f"startup on SQLite with {args.customers:,} demo customers, {args.runs} warm runs (s)")
    print(f"{'phase':<34}{'median':>8}{'max':>8}")
    for key, name in (
        ("start_to_ready", "process start → Qt and modules"),
        ("login", "login (argon2id check)"),
        ("window", "main window shown, panel filled"),
        ("total_without_login", "usable, login excluded"),
    ):
        values = [result[key] for result in results]
        print(f"{name:<34}{statistics.median(values):8.2f}{max(values):8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
