"""Input readers: turn files and folders of news articles into :class:`Article` records.

Formats: dated or plain text, JSON Lines, JSON, saved HTML pages and Telegram channel
exports. Readers yield an :class:`~corroborate.errors.InputError` for each input that
cannot be read instead of raising it, so one bad file never stops a batch::

    for item in read_paths([Path("articles/")], default_date=None):
        if isinstance(item, InputError):
            print(item)
        else:
            analyse(item)
"""

from corroborate.ingest.identity import article_id
from corroborate.ingest.language import detect_language
from corroborate.ingest.paths import read_file, read_paths
from corroborate.ingest.plain_text import parse_dated_text

__all__ = ["article_id", "detect_language", "parse_dated_text", "read_file", "read_paths"]
