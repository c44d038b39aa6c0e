"""The log file every command writes to: kept to a few files, never doubled."""

import logging

import pytest

from kyojushien_desktop import app


@pytest.fixture
def clean_root():
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers = []
    yield root
    for handler in root.handlers:
        if handler not in saved:
            handler.close()
    root.handlers = saved


def test_logging_set_up_twice_adds_one_handler(clean_root):
    first = app.setup_logging()
    assert first is not None and first.name == "kyojushien.log"
    assert app.setup_logging() == first
    files = [h for h in clean_root.handlers if isinstance(h, logging.FileHandler)]
    assert len(files) == 1
    logging.getLogger("kyojushien_desktop").info("一行だけ")
    files[0].flush()
    assert first.read_text(encoding="utf-8").count("一行だけ") == 1


def test_a_full_log_moves_aside_at_start_and_the_oldest_goes(clean_root, tmp_path):
    folder = app.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "kyojushien.log"
    log.write_bytes(b"x" * app.LOG_MAX_BYTES)
    for number in (1, 2, 3):
        (folder / f"kyojushien.log.{number}").write_text(f"古い{number}", encoding="utf-8")
    assert app.setup_logging() == log
    assert (folder / "kyojushien.log.1").stat().st_size == app.LOG_MAX_BYTES
    assert (folder / "kyojushien.log.2").read_text(encoding="utf-8") == "古い1"
    assert (folder / "kyojushien.log.3").read_text(encoding="utf-8") == "古い2"
    assert not (folder / "kyojushien.log.4").exists()
    assert log.stat().st_size == 0
