"""The web application: the REST API under ``/api/`` and the page at ``/``.

Every error leaves the server in one JSON shape, ``{"error": {"status", "code",
"message"}}``, whatever raised it (a bad filter, an unknown id, a refused ingest).
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborate import __version__
from corroborate.errors import CorroborateError
from corroborate.web import api, docs, pages
from corroborate.web.settings import ServerSettings


def error_body(status: int, code: str, message: str) -> dict[str, dict[str, object]]:
    """The one JSON error shape of the server."""
    return {"error": {"status": status, "code": code, "message": message}}


def _error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    """The exception's message; Starlette's bare "Not Found" and the like made useful."""
    path = request.url.path
    if exc.status_code == 404 and exc.detail == "Not Found":
        return f"no such path: {path}; the API's paths are listed at /docs and /openapi.json."
    if exc.status_code == 405 and exc.detail == "Method Not Allowed":
        return f"{request.method} is not allowed on {path}; /docs lists what each path accepts."
    return str(exc.detail)


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


def create_app(settings: ServerSettings) -> FastAPI:
    """A FastAPI application serving the ledger at ``settings.db_path``."""
    app = FastAPI(
        title="Corroborate",
        version=__version__,
        description="Events and attributed claims from contested conflict news.",
        # FastAPI's pages load their scripts from a CDN; /docs is served from the package.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Headers carry part of the answer: WWW-Authenticate on 401, Allow on 405.
        return _error_response(
            exc.status_code,
            _CODES.get(exc.status_code, "error"),
            _http_message(request, exc),
            exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        )
        return _error_response(422, "invalid_parameter", problems)

    @app.exception_handler(CorroborateError)
    async def corroborate_error(request: Request, exc: CorroborateError) -> JSONResponse:
        return _error_response(400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        return _error_response(
            500,
            "internal_error",
            f"the server failed on {request.method} {request.url.path} "
            f"({type(exc).__name__}); please report it with the server's log.",
        )

    static = resources.files("corroborate.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router, prefix="/api")
    app.include_router(docs.router)
    app.include_router(pages.router)
    return app
