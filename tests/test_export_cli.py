"""`corroborate export`: to a file, to standard output, and a clear error without a ledger."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner, Result

from corroborate.cli import main


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args])


def test_export_cli_writes_csv_to_a_file(example_ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "events.csv"
    result = _run("--format", "csv", "--db", str(example_ledger), "--output", str(target))
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"event_date,event_type,sub_event_type,actor1,actor2,admin1,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert any(row["location"] == "Tëtkino" for row in rows)
    assert result.stdout == ""  # the data went to the file, the count to standard error
    assert f"{len(rows)} csv records" in result.stderr
    assert [p.name for p in target.parent.iterdir()] == ["events.csv"]  # no partial file


def test_export_cli_writes_geojson_and_jsonl_to_stdout(example_ledger: Path) -> None:
    result = _run("--format", "geojson", "--db", str(example_ledger))
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    result = _run("--format", "jsonl", "--db", str(example_ledger), "--output", "-")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all("claim_id" in line and "article" in line for line in lines)


def test_export_cli_claimreview_names_the_reviewer(example_ledger: Path) -> None:
    result = _run(
        "--format", "claimreview", "--db", str(example_ledger),
        "--reviewer", "Our Desk", "--base-url", "https://desk.example.org/r",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)["@graph"]
    assert reviews
    assert {r["author"]["name"] for r in reviews} == {"Our Desk"}
    assert all(r["url"].startswith("https://desk.example.org/r#") for r in reviews)


def test_export_cli_missing_ledger_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    target = tmp_path / "events.csv"
    result = _run("--format", "csv", "--db", str(missing), "--output", str(target))
    assert result.exit_code == 2
    assert f"{missing}: no such ledger" in result.stderr
    assert "corroborate analyze" in result.stderr
    assert not missing.exists() and not target.exists()


def test_export_cli_not_a_ledger_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    result = _run("--format", "jsonl", "--db", str(bogus))
    assert result.exit_code == 2
    assert f"{bogus}: not a corroborate ledger" in result.stderr
    assert result.stdout == ""


def test_export_cli_unknown_format_is_a_usage_error(example_ledger: Path) -> None:
    result = _run("--format", "xlsx", "--db", str(example_ledger))
    assert result.exit_code == 2
    assert "xlsx" in result.stderr


def test_export_cli_offers_every_library_format() -> None:
    from corroborate.export import FORMATS

    command = main.get_command(None, "export")  # type: ignore[arg-type]
    assert command is not None
    [option] = [p for p in command.params if p.name == "fmt"]
    assert list(option.type.choices) == list(FORMATS)  # type: ignore[attr-defined]
