"""`corroborate serve`: checks the ledger first, then runs uvicorn on the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.web.settings import ServerSettings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What uvicorn.run was called with, instead of serving."""
    calls: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        calls["settings"] = app.state.settings
        calls.update(options)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("CORROBORATE_INGEST_TOKEN", raising=False)
    return calls


def test_cli_serve_missing_ledger_fails_early(tmp_path: Path, served: dict[str, Any]) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.output and "corroborate analyze" in result.output
    assert not missing.exists() and served == {}


def test_cli_serve_runs_uvicorn_with_settings(example_ledger: Path, served: dict[str, Any]) -> None:
    args = ["serve", "--db", str(example_ledger), "--host", "0.0.0.0", "--port", "8123"]
    args += ["--tile-url", "https://tiles.example/{z}/{x}/{y}.png"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert served["settings"] == ServerSettings(
        db_path=example_ledger,
        ingest_token=None,
        tile_url="https://tiles.example/{z}/{x}/{y}.png",
    )
    assert (served["host"], served["port"]) == ("0.0.0.0", 8123)
    assert "read-only" in result.output


def test_cli_serve_token_from_option_or_environment(
    example_ledger: Path, served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["serve", "--db", str(example_ledger), "--ingest-token", "abc"])
    assert result.exit_code == 0, result.output
    assert served["settings"].ingest_token == "abc"
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    monkeypatch.setenv("CORROBORATE_INGEST_TOKEN", "from-env")
    result = runner.invoke(main, ["serve", "--db", str(example_ledger)])
    assert result.exit_code == 0, result.output
    assert served["settings"].ingest_token == "from-env"
    monkeypatch.setenv("CORROBORATE_INGEST_TOKEN", "  ")
    runner.invoke(main, ["serve", "--db", str(example_ledger)])
    assert served["settings"].ingest_token is None


def test_cli_serve_rejects_a_folder_and_a_bad_port(
    tmp_path: Path, example_ledger: Path, served: dict[str, Any]
) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2 and "not a file" in result.output
    result = CliRunner().invoke(main, ["serve", "--db", str(example_ledger), "--port", "0"])
    assert result.exit_code == 2 and "--port" in result.output
    assert served == {}
