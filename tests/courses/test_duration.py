"""A course's duration in words, in the visitor's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("hours", "english", "dutch"), [(1, "1 hour", "1 uur"), (2, "2 hours", "2 uur")])
def test_the_course_duration_is_said_in_the_visitors_language(client, hours, english, dutch):
    from courses.factories import build_course

    course = build_course(title=f"Cursus van {hours} uur", modules=1, lessons=1, duration_hours=hours)
    assert f"<dd>{dutch}</dd>" in client.get(course.url).content.decode()
    client.cookies["django_language"] = "en"
    assert f"<dd>{english}</dd>" in client.get(course.url).content.decode()
