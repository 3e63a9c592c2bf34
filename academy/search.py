"""What a visitor types into a search box, made safe for the database's full-text search.

Wagtail's database backend hands the words to SQLite's FTS5 or PostgreSQL's text search, which have a
query syntax of their own: a stray quote or bracket was a syntax error there, and a syntax error is a
DatabaseError. Visitors search with words, so only words go to the database; and should the database
still refuse a query, the search shows a message instead of an error (or, worse, the outage page).
"""

import logging
import re
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError, transaction

from .middleware import is_database_unavailable

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 20
T = TypeVar("T")


def search_words(text: str) -> str:
    """The words of `text` (letters and digits of any script), lower case, separated by spaces.

    Quotes, brackets, operators such as `*`, `:` or `^`, control characters and NUL bytes are left out,
    and so is the meaning of AND, OR and NOT: they become ordinary words."""
    words = re.findall(r"[^\W_]+", text[:MAX_QUERY_LENGTH].lower())
    return " ".join(words[:MAX_WORDS])


def run_search(search: Callable[[], T]) -> T | None:
    """The result of `search()`, or None when the database refused the query.

    A database that cannot be reached is not a refused query: that error goes on to the 503 page. The
    savepoint keeps a refused query from spoiling the rest of the request's transaction (PostgreSQL)."""
    try:
        with transaction.atomic():
            return search()
    except DatabaseError as error:
        if is_database_unavailable(error):
            raise
        logger.warning("search refused by the database: %s", error)
        return None
