"""The server-rendered page at ``/``: map, timeline, filters, search, event pages."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
