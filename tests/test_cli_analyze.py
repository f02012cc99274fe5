"""The `corroborate analyze` command on small hand-made inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.store import Ledger

ARTICLE = (
    "date 2024-03-12\n"
    "Governor Ivan Petrov said that three drones were shot down over the city on Tuesday.\n\n"
    "The information could not be independently confirmed.\n"
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_cli_analyze_writes_ledger_report_and_html(article_dir: Path, tmp_path: Path) -> None:
    db, html = tmp_path / "l.db", tmp_path / "r.html"
    code, out = _run("analyze", str(article_dir), "--db", str(db), "--html", str(html))
    assert code == 0, out
    assert "1 new" in out
    assert "three drones were shot down over the city" in out
    assert "could not be independently confirmed" in html.read_text(encoding="utf-8")
    with Ledger.open(db) as ledger:
        [analysis] = list(ledger.iter_analyses())
    assert analysis.claims[0].sources[0].name == "Ivan Petrov"
    assert analysis.claims[0].status == "unconfirmed"


def test_cli_analyze_rerun_adds_nothing(article_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    html = str(tmp_path / "r.html")
    _run("analyze", str(article_dir), "--db", db, "--html", html)
    code, out = _run("analyze", str(article_dir), "--db", db, "--html", html)
    assert code == 0
    assert "0 new" in out and "1 unchanged" in out
    with Ledger.open(db) as ledger:
        assert len(ledger.article_ids()) == 1


def test_cli_analyze_bad_inputs_are_named_and_good_ones_kept(
    article_dir: Path, tmp_path: Path
) -> None:
    (article_dir / "empty.txt").write_bytes(b"")
    (article_dir / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (article_dir / "feed.jsonl").write_text(
        '{"text": "The mayor said the bridge was closed after the strike on Monday."}\n{broken\n',
        encoding="utf-8",
    )
    (article_dir / "index.html").write_text(
        "<html><body><ul><li><a href='/a'>Home</a></li></ul></body></html>", encoding="utf-8"
    )
    missing = tmp_path / "nowhere.txt"
    db = tmp_path / "l.db"
    code, out = _run(
        "analyze",
        str(article_dir),
        str(missing),
        "--db",
        str(db),
        "--html",
        str(tmp_path / "r.html"),
    )
    assert code == 0, out
    for name in ("empty.txt", "binary.txt", "feed.jsonl:2", "index.html", "nowhere.txt"):
        assert name in out
    assert "2 new" in out and "5 failed" in out
    with Ledger.open(db) as ledger:
        assert len(ledger.article_ids()) == 2
        assert len(ledger.errors()) == 5


def test_cli_analyze_strict_exits_non_zero_on_failure(article_dir: Path, tmp_path: Path) -> None:
    (article_dir / "empty.txt").write_bytes(b"")
    code, _ = _run(
        "analyze",
        str(article_dir),
        "--strict",
        "--db",
        str(tmp_path / "l.db"),
        "--html",
        str(tmp_path / "r.html"),
    )
    assert code == 1


def test_cli_analyze_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    code, out = _run("analyze", str(tmp_path / "missing"), "--db", str(tmp_path / "l.db"))
    assert code == 1
    assert "no such file or folder" in out


def test_cli_analyze_non_english_is_stored_not_analysed(tmp_path: Path) -> None:
    path = tmp_path / "uk.jsonl"
    path.write_text(
        '{"text": "Губернатор заявив, що безпілотник пошкодив будівлю в Бєлгороді.", '
        '"language": "uk"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "l.db"
    code, out = _run("analyze", str(path), "--db", str(db), "--html", str(tmp_path / "r.html"))
    assert code == 0
    assert "not analysed: language uk not supported yet" in out
    with Ledger.open(db) as ledger:
        [analysis] = list(ledger.iter_analyses())
    assert not analysis.analysed


def test_cli_report_reads_the_ledger(article_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    _run("analyze", str(article_dir), "--db", db, "--no-report")
    code, out = _run("report", "--db", db, "--format", "markdown")
    assert code == 0
    assert "three drones were shot down over the city" in out


def test_cli_search_treats_query_as_text(article_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    _run("analyze", str(article_dir), "--db", db, "--no-report")
    code, out = _run("search", '"drones" shot', "--db", db)
    assert code == 0
    assert "drones" in out
    code, out = _run("search", '"drones" OR 1=1; --', "--db", db)
    assert code == 0  # searched as the words drones, or, 1 — none is an operator
    assert "no matches" in out


@pytest.mark.parametrize("command", [["report"], ["search", "Tyotkino"], ["clusters"]])
def test_cli_read_commands_name_a_missing_ledger(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "nowhere.db"
    result = CliRunner().invoke(main, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert f"{missing}: no such ledger" in result.output
    assert not missing.exists()  # reading never creates a ledger
