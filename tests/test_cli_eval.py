"""The `corroborate eval` command: tables, JSON keys and malformed gold."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from corroborate.cli import main

ARTICLE = "date 2024-03-12\nGovernor Ivan Petrov said that three drones were shot down.\n"


def _gold(tmp_path: Path, claims: object) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "a.gold.json"
    gold.write_text(
        json.dumps(
            {
                "doc": "a.txt",
                "date": "2024-03-12",
                "entities": [
                    {
                        "id": "petrov",
                        "canonical": "Ivan Petrov",
                        "kind": "person",
                        "mentions": ["Ivan Petrov"],
                    }
                ],
                "claims": claims,
            }
        ),
        encoding="utf-8",
    )
    return gold


def test_cli_eval_json_scores_a_claim(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path, [{"id": "C1", "quote": "three drones were shot down", "source": "petrov"}]
    )
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures) == {"files", "claims", "entities"}
    assert figures["claims"]["f1"] == 1.0
    assert figures["claims"]["source_accuracy"] == 1.0


def test_cli_eval_malformed_gold_exits_2_naming_file_and_field(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"id": "C1", "quote": 7, "source": "petrov"}])
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "a.gold.json" in result.output
    assert "claims[0].quote" in result.output
