"""CMS behaviour that holds for every page type."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from .publishing import publication_problem


@hooks.register("before_bulk_action")
def refuse_to_publish_invalid_pages(request, action_type, objects, action):
    """A bulk publish (with or without the subpages) puts nothing live while one of its pages is invalid:
    the trainer is told which pages and why, and every page stays as it was."""
    if action_type != "publish":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    form = action.cleaned_form
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in list(pages):
            pages.extend(page.get_descendants().not_live().specific())
    problems = [problem for problem in map(publication_problem, pages) if problem]
    if not problems:
        return None
    messages.error(
        request,
        format_html(
            "{}<ul>{}</ul>",
            _("Nothing was published: these pages are not complete yet. They stay drafts."),
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                ((problem.title, "; ".join(problem.reasons)) for problem in problems),
            ),
        ),
    )
    return redirect(action.next_url)
