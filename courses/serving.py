"""Serving a lesson or quiz to a professional: who may see it, and with which progress.

The page models in `modules` know nothing about enrolment; this is where the journey is applied, via
Wagtail's `on_serve_page` hook (see wagtail_hooks.py). Previews in the admin bypass it.
"""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from modules.models import LearningItemPage

from . import services
from .selectors import journey_for


def serve_learning_item(page: LearningItemPage, request, args, kwargs, *, next_serve):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = services.course_of(page)
    # Read the stored block types: iterating the StreamField would convert every block (and query images).
    body = getattr(page, "body", None)
    has_reflections = body is not None and any(block["type"] == "reflection" for block in body.raw_data)
    journey = journey_for(
        user=request.user, course=course, with_answers_for=page.pk, with_reflections=has_reflections
    )
    state = journey.item(page.pk)
    if not journey.is_enrolled or state is None or state.locked:
        context = {
            "page": page,
            "course": course,
            "journey": journey,
            "blocking_item": journey.blocking_item(page.pk) if journey.is_enrolled else None,
        }
        return TemplateResponse(request, "courses/item_unavailable.html", context, status=403)
    services.item_start(user=request.user, item=page, journey=journey)
    # SessionBase is not iterable; keys() is its API.
    drafts = [k for k in request.session.keys() if k.startswith(f"reflection-draft:{page.pk}:")]  # noqa: SIM118
    for key in drafts:
        journey.reflection_answers[key.rsplit(":", 1)[1]] = request.session.pop(key)
    state.started = True
    kwargs = {**kwargs, "journey": journey, "item_state": state}
    return next_serve(page, request, args, kwargs)
