"""Render a situation report as one self-contained HTML file.

The page carries its own CSS, loads nothing from anywhere and needs no JavaScript, so it
can be mailed, archived or opened offline. Autoescaping is always on: every piece of
article text is untrusted and is escaped, attributes included. Article URLs are shown as
text, never as links, so a hostile URL cannot run anything when clicked.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from corroborate.report.sitrep import DISCLAIMER, Sitrep, one_line

TEMPLATE = "sitrep.html.j2"


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("corroborate.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["one_line"] = one_line
    return environment


def render_html(sitrep: Sitrep) -> str:
    """The whole report as an HTML5 document."""
    return _environment().get_template(TEMPLATE).render(sitrep=sitrep, disclaimer=DISCLAIMER)
