"""Shared fixtures: the analysis pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.batch import run_batch
from corroborate.geo import build_gazetteer, default_index_path
from corroborate.nlp import build_pipeline

GEO_FIXTURES = Path(__file__).parent / "fixtures" / "geo"

ARTICLE_DATE = dt.date(2024, 3, 12)  # a Tuesday


@pytest.fixture(scope="session", autouse=True)
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A gazetteer of a few places, in a data folder of the tests' own.

    The tests never touch the user's data folder, and never wait for the full index.
    """
    folder = tmp_path_factory.mktemp("corroborate-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORROBORATE_DATA_DIR", str(folder))
        build_gazetteer(
            default_index_path(),
            cities_json=GEO_FIXTURES / "cities.json",
            regions=GEO_FIXTURES / "regions.yaml",
        )
        yield default_index_path()


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def example_ledger(small_gazetteer: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger holding the analysed bundled example, as ``make demo`` writes it.

    Read it, do not write to it: tests in several files share it.
    """
    db = tmp_path_factory.mktemp("example-ledger") / "example.db"
    outcome = run_batch(sorted(EXAMPLES.glob("*.txt")), db=db, progress=False)
    assert outcome.new >= 1, outcome.summary()
    return db


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def run_doc(nlp: Language) -> Callable[[str], Doc]:
    """Run the pipeline on a small article dated Tuesday 12 March 2024."""

    def run(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.article_date = ARTICLE_DATE
        return nlp(doc)

    return run


Serve = Callable[[Path], AbstractContextManager[str]]


@contextmanager
def _serving(db_path: Path) -> Iterator[str]:
    """The web app on a ledger, served on a free local port for as long as the block runs."""
    import uvicorn

    from corroborate.web.app import create_app
    from corroborate.web.settings import ServerSettings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    app = create_app(ServerSettings(db_path=db_path))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve() -> Serve:
    """``with serve(db_path) as base_url: ...`` for the tests that need a real server."""
    return _serving
