"""What an anonymous visitor's session remembers of the scan: the response being taken and the
completed results, until they log in or sign up (see signals.py)."""

OPEN_KEY = "fitnessscan_open"
RESULTS_KEY = "fitnessscan_results"


def open_response_id(session) -> str | None:
    return session.get(OPEN_KEY)


def remember_open(session, response_id) -> None:
    session[OPEN_KEY] = str(response_id)


def forget_open(session) -> None:
    session.pop(OPEN_KEY, None)


def result_ids(session) -> list[str]:
    return list(session.get(RESULTS_KEY, []))


def remember_result(session, response_id) -> None:
    ids = result_ids(session)
    if str(response_id) not in ids:
        session[RESULTS_KEY] = [*ids, str(response_id)]
    forget_open(session)


def all_response_ids(session) -> list[str]:
    return [*filter(None, [open_response_id(session)]), *result_ids(session)]


def forget_all(session) -> None:
    session.pop(OPEN_KEY, None)
    session.pop(RESULTS_KEY, None)
