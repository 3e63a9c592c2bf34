"""Two requests at once: what the PostgreSQL-only concurrency tests of the apps rely on.

Marked `postgres`: SQLite serialises every write, so there nothing happens at the same time.
"""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from accounts.factories import UserFactory

pytestmark = pytest.mark.postgres


def run_concurrently(*functions) -> list:
    """Runs each function in a thread of its own (its own database connection); returns their results."""
    outcomes: list[dict] = [{} for _ in functions]

    def target(function, outcome):
        try:
            outcome["value"] = function()
        except Exception as exc:  # handed to the test's thread
            outcome["error"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=pair) for pair in zip(functions, outcomes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for outcome in outcomes:
        if "error" in outcome:
            raise outcome["error"]
    return [outcome.get("value") for outcome in outcomes]


def test_a_row_locked_by_one_transaction_is_not_taken_by_another(transactional_db, django_user_model):
    queryset = django_user_model.objects.filter(pk=UserFactory().pk)

    def take_the_row():
        with transaction.atomic():
            queryset.select_for_update(nowait=True).get()
        return "taken"

    with transaction.atomic():
        queryset.select_for_update().get()
        with pytest.raises(DatabaseError, match="could not obtain lock"):
            run_concurrently(take_the_row)

    assert run_concurrently(take_the_row) == ["taken"]


def test_two_transactions_creating_the_same_unique_row_leave_one(transactional_db, django_user_model):
    both_inside = threading.Barrier(2, timeout=10)

    def create():
        with transaction.atomic():
            both_inside.wait()
            return django_user_model.objects.get_or_create(email="gelijktijdig@example.org")[1]

    created = run_concurrently(create, create)

    assert sorted(created) == [False, True]
    assert django_user_model.objects.filter(email="gelijktijdig@example.org").count() == 1
