"""The case index's routes: the filtered list, the share form, a member's own cases and their preview.
CaseIndexPage (models.py) routes here; the rules live in forms, selectors and services."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from academy.storage import private_file_response
from accounts.roles import is_platform_member

from . import selectors, services
from .forms import CaseFilterForm, CaseShareForm
from .models import CaseIndexPage

CASES_PER_PAGE = 12


def case_index(request, *, index: CaseIndexPage):
    """The filtered list: the same for everyone who asks for the same filters (academy/pages.py)."""

    def filtered() -> dict:
        filter_form = CaseFilterForm(request.GET)
        unknown_filter = False
        if filter_form.is_valid():
            ids = selectors.case_search_ids(index=index, **filter_form.filters())
        else:
            # A hand-made or outdated link (?sector=nonsense): say so rather than silently show everything.
            ids, unknown_filter = [], True
        page_obj = Paginator(ids, CASES_PER_PAGE).get_page(request.GET.get("pagina"))
        query_without_page = request.GET.copy()
        query_without_page.pop("pagina", None)
        for name in set(query_without_page) - set(index.shell_query_parameters):
            query_without_page.pop(name)  # the shell is shared: keep only what the page knows
        return {
            "filter_form": filter_form,
            "unknown_filter": unknown_filter,
            "cases": selectors.case_cards(ids=list(page_obj.object_list)),
            "page_obj": page_obj,
            "result_count": len(ids),
            "filter_query": query_without_page.urlencode(),
        }

    response = index.serve_shell(request, context_overrides=filtered)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _take_part(request, index: CaseIndexPage):
    response = index.render(request, template="cases/case_take_part.html")
    if request.method == "POST":
        response.status_code = 403
    return response


def case_share(request, *, index: CaseIndexPage, case_id: int | None = None):
    if not request.user.is_authenticated and case_id is not None:
        return redirect_to_login(request.get_full_path())
    if not is_platform_member(request.user):
        return _take_part(request, index)
    case, own = None, None
    if case_id is not None:
        case = selectors.case_for_submitter(user=request.user, case_id=case_id)
        if case is None:
            raise Http404
        own = selectors.case_status(case=case)
        if not own.editable:
            return index.render(request, template="cases/case_locked.html", context_overrides={"own": own})
        case = case.get_latest_revision_as_object() if case.latest_revision_id else case

    if request.method == "POST" and not services.case_save_allowance_take(user=request.user):
        # Before the upload is even looked at. The form comes back as typed; only a new image is not kept.
        form = CaseShareForm(request.POST, user=request.user, case=case, submit="submit" in request.POST)
        form.is_valid()
        form.add_error(None, form.rate_message())
        response = _share_form(request, index, form, case, own)
        response.status_code = 429
        return response
    if request.method == "POST":
        submit = "submit" in request.POST
        form = CaseShareForm(request.POST, request.FILES, user=request.user, case=case, submit=submit)
        if form.is_valid():
            try:
                with transaction.atomic():
                    image = form.kept_image
                    if form.accepted_upload is not None:
                        _discard_replaced(request.user, form.kept_image)
                        image = services.case_image_store(user=request.user, image=form.accepted_upload)
                    case = services.case_save(
                        user=request.user,
                        index=index,
                        case=case,
                        content=form.case_content(new_image=image),
                        submit=submit,
                    )
            except services.CaseSubmissionLimitReached:
                form.add_error(None, form.limit_message())
            else:
                if submit:
                    messages.success(
                        request, _("Thank you! Your case has been sent to the moderators for review.")
                    )
                    return redirect(index.get_url(request) + index.reverse_subpage("mine"))
                messages.success(request, _("Your draft has been saved. You can finish it later."))
                return redirect(index.get_url(request) + index.reverse_subpage("edit", args=[case.pk]))
        if form.accepted_upload is not None:
            _discard_replaced(request.user, form.kept_image)
            form.keep_image(services.case_image_store(user=request.user, image=form.accepted_upload))
    else:
        initial = CaseShareForm.initial_for(case) if case else None
        form = CaseShareForm(initial=initial, user=request.user, case=case)
    return _share_form(request, index, form, case, own)


def _share_form(request, index: CaseIndexPage, form: CaseShareForm, case, own):
    return index.render(
        request,
        template="cases/case_share.html",
        context_overrides={
            "form": form,
            "case": case,
            "own_comment": own.comment if own else "",
            "submissions_per_day": selectors.SUBMISSIONS_PER_DAY,
        },
    )


def _discard_replaced(user, kept_image) -> None:
    # A new upload replaces the one kept from an earlier attempt.
    if kept_image is not None:
        services.case_upload_discard(user=user, image_id=kept_image.pk)


def case_preview(request, *, index: CaseIndexPage, case_id: int):
    """The submitter's own case as it will look, whatever its status."""
    case = selectors.case_for_submitter(user=request.user, case_id=case_id)
    if case is None:
        raise Http404
    draft = case.get_latest_revision_as_object() if case.latest_revision_id else case
    context = draft.get_context(request)
    context.update(is_preview=True, own=selectors.case_status(case=case), index=index)
    return TemplateResponse(request, draft.get_template(request), context)


def draft_image(request, name: str):
    """An image of a case that is not published yet (or one of its renditions): for the member who uploaded it
    and for whoever may choose images of its collection (the moderators); 404 for anyone else."""
    image = selectors.draft_image_for(user=request.user, name=name)
    if image is None:
        raise Http404
    try:
        file = image.file.storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    return private_file_response(file, name=name, filename=Path(name).name, as_attachment=False)


def case_mine(request, *, index: CaseIndexPage):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return index.render(
        request,
        template="cases/case_mine.html",
        context_overrides={
            "own_cases": selectors.case_list_for_submitter(user=request.user),
            "can_share": is_platform_member(request.user),
        },
    )
