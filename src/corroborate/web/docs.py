"""The browsable API documentation at ``/docs``: Swagger UI, shipped in the package.

FastAPI's own documentation page loads Swagger UI from a CDN, which fails offline. This
one loads the copy of ``swagger-ui-dist`` 5 under ``/static/swagger/`` (its licence and
notice beside it) and reads the description at ``/openapi.json``. Its
Content-Security-Policy allows this server only, like the map page's, with one exception
that holds on this page alone: the inline script that starts Swagger UI, allowed by its
hash, never by allowing inline scripts in general. Swagger UI sets its styles through the
DOM, which the policy does not govern, so inline style stays forbidden.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

SWAGGER_STATIC = "/static/swagger"
"""Where the shipped Swagger UI files are served, below the server's root path."""

# Only a script with no attributes is inline; `<script src=...>` loads a file.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """The CSP source (``'sha256-...'``) of each inline script of ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def docs_security_policy(html: str) -> str:
    """This server only, plus the inline scripts of ``html`` by their hashes."""
    scripts = " ".join(["'self'", *script_hashes(html)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def swagger_page(title: str, root: str, openapi_url: str) -> str:
    """The HTML of the documentation page of the API described at ``openapi_url``."""
    static = f"{root}{SWAGGER_STATIC}"
    response = get_swagger_ui_html(
        openapi_url=f"{root}{openapi_url}",
        title=f"{title} - API documentation",
        swagger_js_url=f"{static}/swagger-ui-bundle.js",
        swagger_css_url=f"{static}/swagger-ui.css",
        swagger_favicon_url=f"{static}/favicon-32x32.png",
    )
    return bytes(response.body).decode("utf-8")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI over this server's OpenAPI description, loading nothing from elsewhere."""
    app = request.app
    html = swagger_page(app.title, request.scope.get("root_path", ""), app.openapi_url)
    headers = {
        "Content-Security-Policy": docs_security_policy(html),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
    return HTMLResponse(html, headers=headers)
