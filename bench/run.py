"""Benchmarks: one figure a line as ``name: value unit``; medians of 5 runs (15 for start-up).

python bench/run.py [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RUNS = 5
STARTUP_RUNS = 15  # a process start varies more than an in-process call


def _time_to_paint(args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    for line in result.stdout.splitlines():
        if line.startswith("painted-at "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported by {args}: {result.stderr[-2000:]}")


def _installed_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment of an installed app: bytecode cached (pip compiles it at install), data in
    ``work``. A first, compiling run is not counted by the benches that use it."""
    env = dict(os.environ, KYOJUSHIEN_HOME=str(work), PYTHONPYCACHEPREFIX=str(work / "pyc"), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# What the installed ``kyojushien`` launcher (the console script pip writes) runs.
LAUNCHER = "import sys; from kyojushien_desktop.cli import main; sys.exit(main())"


def bench_startup(work: Path) -> list[str]:
    from kyojushien_desktop.services.sample import create_sample

    db = work / "startup.db"
    if not db.exists():
        create_sample(db).close()
    env = _installed_env(work, QT_QPA_PLATFORM="offscreen", KYOJUSHIEN_BENCH_EXIT_ON_PAINT="1")
    app_command = [sys.executable, "-c", LAUNCHER, "--db", str(db)]
    _time_to_paint(app_command, env)  # compiles the bytecode
    app_times, base_times = [], []
    for _ in range(STARTUP_RUNS):  # interleaved, so both see the same machine load
        base_times.append(_time_to_paint([sys.executable, str(ROOT / "bench" / "baseline_qt.py")], env))
        app_times.append(_time_to_paint(app_command, env))
    app, base = statistics.median(app_times), statistics.median(base_times)
    return [
        f"startup_ms: {app * 1000:.0f} ms",
        f"startup_baseline_ms: {base * 1000:.0f} ms",
        f"startup_ratio: {app / base:.2f} x",
    ]


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_open(work: Path) -> list[str]:
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.sample import create_sample

    db = work / "open.db"
    if not db.exists():
        create_sample(db).close()
    return [f"open_db_ms: {_median_ms(lambda: datafile.open_session(db).close()):.1f} ms"]


def bench_check(work: Path) -> list[str]:
    """``kyojushien check`` on the sample town, and the damage check an open or a backup runs
    (``PRAGMA integrity_check`` and the schema) on the 10,000-organisation file."""
    from kyojushien_desktop.services.common.check import check_file
    from kyojushien_desktop.services.sample import create_sample
    from kyojushien_desktop.store.integrity import check_path

    db = work / "check.db"
    if not db.exists():
        create_sample(db).close()
    big = _big_directory(work)
    return [
        f"check_sample_ms: {_median_ms(lambda: check_file(db)):.1f} ms",
        f"integrity_check_10k_ms: {_median_ms(lambda: check_path(big)):.1f} ms",
    ]


def _big_directory(work: Path) -> Path:
    """10,000 organisations and 20,000 people, made once per run and shared by the benches that read them."""
    from bench.directory_data import fill
    from kyojushien_desktop.services.datafile import create_session

    db = work / "directory_10k.db"
    if not db.exists():
        session = create_session(db)
        try:
            fill(session, 10000, 20000)
        finally:
            session.close()
    return db


def _hand_over_directory(work: Path) -> Path:
    """The 10,000 organisations as a hand-over copy finds them after a year: 期待される役割 from
    the guide, 得意なこと and 困りごと filled in, and three 経過記録 each (30,000)."""
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.members.terms import default_roles

    db = work / "directory_10k_hand_over.db"
    if not db.exists():
        shutil.copyfile(_big_directory(work), db)
        session = datafile.open_session(db)
        try:
            database = session.database
            with database.atomic():
                for row in database.read("SELECT id, category FROM organizations"):
                    database.execute(
                        "UPDATE organizations SET expected_roles = ?, strengths = ?, troubles = ? WHERE id = ?",
                        (default_roles(row[1]), "夜間の相談に対応できる。", "保証人のいない入居希望者が多い。", row[0]),
                    )
                contacts = [
                    (row[0], f"2025-{month:02d}-15", kind, "担当者と面談。入居支援の進め方を確認した。", "山田 花子")
                    for row in database.read("SELECT id FROM organizations")
                    for month, kind in ((4, "電話"), (7, "訪問"), (10, "メール"))
                ]
                database.conn.executemany(
                    "INSERT INTO contacts (organization_id, occurred_on, kind, note, our_staff, created_at) "
                    "VALUES (?, ?, ?, ?, ?, '2025-10-15T10:00:00')",
                    contacts,
                )
        finally:
            session.close()
    return db


def bench_members_export(work: Path) -> list[str]:
    """The whole 名簿 workbook (名簿, 担当者 and 経過記録 sheets) for 10,000 organisations, 20,000
    people and 30,000 経過記録, read from the file included."""
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.members import exporting

    session = datafile.open_session(_hand_over_directory(work), read_only=True)
    try:
        out = work / "members_export.xlsx"
        seconds = _median_ms(lambda: exporting.export_xlsx(session, out)) / 1000
    finally:
        session.close()
    return [f"members_export_10k_s: {seconds:.2f} s"]


def bench_search(work: Path) -> list[str]:
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.members.organizations import search_ids

    db = _big_directory(work)
    session = datafile.open_session(db, read_only=True)
    times = []
    try:
        for _ in range(25):  # one keystroke's query each: 1, 2 and 4 characters, a phone fragment, an abbreviation
            for query in ("み", "すず", "ふどうさ", "12-34", "包括"):
                start = time.perf_counter()
                search_ids(session, query)
                times.append(time.perf_counter() - start)
    finally:
        session.close()
    first = []  # the first keystroke on a newly opened file (or after a change) reads the search text
    for _ in range(RUNS):
        session = datafile.open_session(db, read_only=True)
        try:
            start = time.perf_counter()
            search_ids(session, "み")
            first.append(time.perf_counter() - start)
        finally:
            session.close()
    return [
        f"search_ms: {statistics.median(times) * 1000:.1f} ms",
        f"search_first_ms: {statistics.median(first) * 1000:.1f} ms",
    ]


def bench_members_page_first_show(work: Path) -> list[str]:
    """The 名簿 page shown for the first time on the 10,000-organisation file, until its table has
    painted; a fresh process each run, so the page's modules are imported as a user's first click does."""
    db = _big_directory(work)
    env = _installed_env(work, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(RUNS + 1):
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "members_first_show.py"), str(db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=ROOT,
            check=True,
        )
        times += [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("first-show-ms ")]
    if len(times) != RUNS + 1:
        raise RuntimeError(f"no first show reported: {result.stderr[-2000:]}")
    return [f"members_page_first_show_ms: {statistics.median(times[1:]):.0f} ms"]


def bench_members_import(work: Path) -> list[str]:
    """A town-hall style .xlsx of 10,000 organisations, previewed and imported into a fresh file."""
    from bench.directory_data import write_import_xlsx
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.members import importing

    source = write_import_xlsx(work / "members_import_10k.xlsx", 10000)
    times = []
    for run in range(RUNS):
        session = datafile.create_session(work / f"members_import_{run}.db")
        try:
            start = time.perf_counter()
            preview = importing.preview_import(session, source)
            importing.apply_import(session, preview)
            times.append(time.perf_counter() - start)
        finally:
            session.close()
    return [f"members_import_10k_s: {statistics.median(times):.2f} s"]


def bench_hearing_sheet(work: Path) -> list[str]:
    """The whole `kyojushien hearing sheet` process (imports included) for a 10-question blank sheet:
    the guide's real-estate bank (8 questions) plus 2 added here."""
    from kyojushien_desktop.content import hearing as hearing_guide
    from kyojushien_desktop.domain.hearing import Question
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.hearing import question_banks

    name = hearing_guide.question_bank("real_estate").name
    db = work / "hearing_sheet.db"
    if not db.exists():
        session = datafile.create_session(db)
        try:
            bank = question_banks.find_bank(session, name)
            for text, kind in (("高齢者の入居を断ったことがあるか", "yesno"), ("空き室の数", "number")):
                question_banks.add_question(session, Question(bank_id=bank.id, text=text, answer_type=kind, lines=2))
            assert question_banks.get_bank(session, bank.id).question_count == 10
        finally:
            session.close()
    command = [sys.executable, "-m", "kyojushien_desktop", "hearing", "sheet", "--bank", name]
    command += ["--pdf", str(work / "hearing_sheet.pdf"), "--db", str(db)]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return [f"hearing_sheet_pdf_s: {statistics.median(times):.2f} s"]


def _third_study_session(work: Path, env: dict[str, str]) -> tuple[Path, int]:
    """The sample town and its third 勉強会: the meeting whose 題名 holds 「第3回」, found as a script
    would find it (`kyojushien meetings list`). A sample without meetings gets a held group work
    like it, built through the services (tests/meeting_town.py: 25 attending, five groups, 23
    アンケート forms, a filled record), so the figure is measured either way."""
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.sample import create_sample

    db = work / "meeting_report.db"
    if not db.exists():
        create_sample(db).close()
    for attempt in range(2):
        listed = subprocess.run(
            [sys.executable, "-c", LAUNCHER, "meetings", "list", "--db", str(db)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
        )
        for line in listed.stdout.splitlines():
            meeting_id, _day, _kind, title, _status = line.split("\t")
            if "第3回" in title:
                return db, int(meeting_id)
        if attempt == 0:
            from tests.meeting_town import add_third_session

            session = datafile.open_session(db)
            try:
                add_third_session(session)
            finally:
                session.close()
    raise RuntimeError("no 第3回 meeting in the sample")


def bench_meeting_report(work: Path) -> list[str]:
    """The whole `kyojushien meetings report` process (the installed launcher's call, bytecode
    cached as pip leaves it; a first, compiling run is not counted) for the sample's third 勉強会,
    as PDF and as Word."""
    env = _installed_env(work)
    db, meeting_id = _third_study_session(work, env)
    lines = []
    for kind in ("pdf", "docx"):
        out = work / f"meeting_report.{kind}"
        command = [sys.executable, "-c", LAUNCHER, "meetings", "report", "--db", str(db)]
        command += ["--meeting", str(meeting_id), f"--{kind}", str(out)]
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - start)
        lines.append(f"meeting_report_{kind}_s: {statistics.median(times):.2f} s")
    return lines


def bench_progress_report(work: Path) -> list[str]:
    """The whole `kyojushien progress report --pdf` process on the sample town (a first,
    compiling run is not counted)."""
    from kyojushien_desktop.services.sample import create_sample

    env = _installed_env(work)
    db = work / "progress_report.db"
    if not db.exists():
        create_sample(db).close()
    out = work / "progress_report.pdf"
    command = [sys.executable, "-c", LAUNCHER, "progress", "report", "--db", str(db), "--pdf", str(out)]
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return [f"progress_report_pdf_s: {statistics.median(times):.2f} s"]


def bench_diagnosis(work: Path) -> list[str]:
    """The whole `kyojushien diagnosis compare --xlsx` process (installed launcher, bytecode cached;
    a first, compiling run is not counted) on a round of 30 respondents × 21 items built through
    the services; and the in-process import of 30 filled workbooks (openpyxl fills them, as a
    person would: numbers, 全角, the scale's labels, blanks) into a fresh round."""
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.diagnosis import rounds, sheets
    from tests.diagnosis_town import build_round, filled_workbooks

    env = _installed_env(work)
    db = work / "diagnosis.db"
    folder = work / "diagnosis_sheets"
    folder.mkdir(exist_ok=True)
    if not db.exists():
        session = datafile.create_session(db)
        try:
            build_round(session, 30)
        finally:
            session.close()
    out = work / "diagnosis_compare.xlsx"
    command = [sys.executable, "-c", LAUNCHER, "diagnosis", "compare", "--round", "1", "--xlsx", str(out)]
    command += ["--db", str(db)]
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    lines = [f"diagnosis_compare_xlsx_s: {statistics.median(times):.2f} s"]
    session = datafile.open_session(db)
    try:
        paths = filled_workbooks(session, 1, folder, 30)
        imports = []
        for run in range(RUNS):
            round_id, _ = rounds.save_round(session, rounds.new_round(f"取り込み {run + 1}"))
            start = time.perf_counter()
            plan, _ = sheets.import_workbooks(session, round_id, paths)
            imports.append(time.perf_counter() - start)
            assert len(plan.sheets) == 30
    finally:
        session.close()
    lines.append(f"diagnosis_import_30_s: {statistics.median(imports):.2f} s")
    return lines


HANDOVER_RUNS = 3  # each pack derives the scrypt key twice (seal, then the read-back)


def bench_handover(work: Path) -> list[str]:
    """The whole hand-over through the services on the 10,000-organisation file (30,000 経過記録):
    packing with a passphrase (snapshot, 引継書, manifest, zip, scrypt and AES-GCM, atomic write,
    the read-back check) and opening the package into a fresh folder (decrypt, every check, the
    data file's integrity check, placing it, the 引継ぎ履歴 entry)."""
    from kyojushien_desktop.services import datafile
    from kyojushien_desktop.services.handover.package import open_package, pack

    passphrase = "K7QM-3XRP-9TWD-HB4N-2CFZ"
    package = work / "handover_10k.kyoju"
    session = datafile.open_session(_hand_over_directory(work))
    packs = []
    try:
        for _ in range(HANDOVER_RUNS):
            package.unlink(missing_ok=True)
            start = time.perf_counter()
            pack(session, package, passphrase)
            packs.append(time.perf_counter() - start)
    finally:
        session.close()
    opens = []
    for run in range(HANDOVER_RUNS):
        start = time.perf_counter()
        open_package(package, passphrase, work / f"handover_open_{run}" / "received.db")
        opens.append(time.perf_counter() - start)
    return [
        f"handover_pack_10k_s: {statistics.median(packs):.2f} s",
        f"handover_open_10k_s: {statistics.median(opens):.2f} s",
    ]


FROZEN_DIR = ROOT / "dist" / "kyojushien"


def _frozen_program() -> Path:
    """The onedir's console program (on Windows the windowed one cannot print its paint time),
    built with installer/kyojushien.spec when missing (pip install ".[build]" brings PyInstaller)."""
    program = FROZEN_DIR / ("kyojushien-cli.exe" if sys.platform == "win32" else "kyojushien")
    if not program.exists():
        spec = ROOT / "installer" / "kyojushien.spec"
        build = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", str(spec)]
        build += ["--distpath", str(FROZEN_DIR.parent), "--workpath", str(ROOT / "build" / "pyinstaller")]
        subprocess.run(build, check=True, cwd=ROOT, capture_output=True)
    return program


def bench_frozen(work: Path) -> list[str]:
    """The PyInstaller onedir: its size on disk (every file once, links not followed) and the
    window's first paint on the sample town against the bare-Qt baseline, interleaved."""
    from kyojushien_desktop.services.sample import create_sample

    program = _frozen_program()
    size = sum(p.lstat().st_size for p in FROZEN_DIR.rglob("*") if not p.is_dir() or p.is_symlink())
    db = work / "frozen.db"
    if not db.exists():
        create_sample(db).close()
    env = _installed_env(work, QT_QPA_PLATFORM="offscreen", KYOJUSHIEN_BENCH_EXIT_ON_PAINT="1")
    app_command = [str(program), "--db", str(db)]
    base_command = [sys.executable, str(ROOT / "bench" / "baseline_qt.py")]
    _time_to_paint(app_command, env)  # the onedir's files into the page cache
    app_times, base_times = [], []
    for _ in range(STARTUP_RUNS):
        base_times.append(_time_to_paint(base_command, env))
        app_times.append(_time_to_paint(app_command, env))
    app, base = statistics.median(app_times), statistics.median(base_times)
    return [
        f"frozen_size_mb: {size / 1024 / 1024:.0f} MB",
        f"frozen_startup_ms: {app * 1000:.0f} ms",
        f"frozen_startup_ratio: {app / base:.2f} x",
    ]


BENCHES: dict[str, Callable[[Path], list[str]]] = {
    "startup": bench_startup,
    "open": bench_open,
    "check": bench_check,
    "members_export": bench_members_export,
    "search": bench_search,
    "members_page_first_show": bench_members_page_first_show,
    "members_import": bench_members_import,
    "hearing_sheet": bench_hearing_sheet,
    "progress_report": bench_progress_report,
    "meeting_report": bench_meeting_report,
    "diagnosis": bench_diagnosis,
    "handover": bench_handover,
    "frozen": bench_frozen,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(BENCHES), help="run one benchmark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["KYOJUSHIEN_HOME"] = str(work)
        for name, bench in BENCHES.items():
            if args.only and name != args.only:
                continue
            for line in bench(work):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
