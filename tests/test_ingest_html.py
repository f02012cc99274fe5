"""Tests of the HTML page reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from corroborate.errors import InputError
from corroborate.ingest import read_file
from corroborate.models import Article

ARTICLE_PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Drones downed over Belgorod - Example News</title>
<link rel="canonical" href="https://news.example.com/2024/03/12/drones">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-12T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones downed over Belgorod</h1>
<p>The Russian Defence Ministry said on Tuesday that its air defences had shot down two
drones over the Belgorod region overnight. The claim could not be independently verified.</p>
<p>Local officials said a woman was injured by falling debris in a village near the border
with Ukraine. Ukraine did not comment on the report.</p>
</article><footer>Copyright Example News</footer></body></html>"""

INDEX_PAGE = (
    "<!DOCTYPE html><html><head><title>Latest</title></head><body><ul>{}</ul></body></html>"
)

LOGIN_PAGE = """<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<h1>Sign in to continue</h1><form><label>Email</label><input name="e">
<label>Password</label><input type="password" name="p"><button>Sign in</button></form>
<p>Forgot password?</p></body></html>"""


def test_ingest_html_extracts_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.format == "html"
    assert "shot down two" in article.text
    assert "Copyright" not in article.text
    assert "Home" not in article.text
    assert article.title == "Drones downed over Belgorod"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example.com/2024/03/12/drones"
    assert article.published == dt.date(2024, 3, 12)
    assert article.language == "en"


def test_ingest_html_index_page_is_reported(tmp_path: Path) -> None:
    items = "".join(
        f'<li><a href="/n/{n}">Drone attack reported near Belgorod, officials say {n}</a></li>'
        for n in range(12)
    )
    path = tmp_path / "index.htm"
    path.write_text(INDEX_PAGE.format(items), encoding="utf-8")
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.reason == "no article text found in the HTML page (is it an index or login page?)"


def test_ingest_html_login_page_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "login.html"
    path.write_text(LOGIN_PAGE, encoding="utf-8")
    (error,) = read_file(path)
    assert isinstance(error, InputError)
    assert "no article text found" in error.reason


def test_ingest_html_without_date_takes_the_default_date(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2024-03-12T08:00:00Z">', ""
    ).replace("/2024/03/12/", "/world/")
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    (article,) = read_file(path, default_date=dt.date(2024, 3, 14))
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 3, 14)


def test_ingest_html_in_a_declared_legacy_charset_is_read(tmp_path: Path) -> None:
    polish = "Wojsko poinformowało, że w nocy zestrzelono dwa drony nad obwodem biełgorodzkim."
    page = (
        '<!DOCTYPE html><html><head><meta charset="iso-8859-2"><title>Drony</title></head>'
        f"<body><article><p>{polish}</p></article></body></html>"
    )
    path = tmp_path / "pl.html"
    path.write_bytes(page.encode("iso-8859-2"))
    (article,) = read_file(path)
    assert isinstance(article, Article), article
    assert polish in article.text
    assert article.language == "pl"
