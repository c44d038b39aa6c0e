"""kill -9 of a writer mid-transaction leaves the file intact with only whole transactions."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from kyojushien_desktop.store.database import open_database

BATCH = 50

WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from kyojushien_desktop.store.database import open_database
    database = open_database(Path(sys.argv[1]))
    batch = 0
    while True:
        with database.atomic() as db:
            for i in range({BATCH}):
                db["settings"].insert({{"key": f"b{{batch}}-{{i}}", "value": "x" * 2000}})
            if batch == 3:
                print("ready", flush=True)
        batch += 1
    """
)


def test_kill_minus_nine_mid_transaction(db_path):
    """Whatever moment the writer dies, reopening sees whole batches and a sound file."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    database = open_database(db_path)
    assert database.problems() == []
    rows = database.read("SELECT key FROM settings")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["key"].split("-")[0]] = counts.get(row["key"].split("-")[0], 0) + 1
    assert len(counts) >= 4
    assert set(counts.values()) == {BATCH}
    database.close()
