from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _
from wagtail.models import Page as WagtailPage

from academy.pages import register_query_parameters, shell_response
from academy.search import MAX_QUERY_LENGTH, run_search, search_words

RESULTS_PER_PAGE = 10


register_query_parameters("q", "pagina")


def search(request):
    """Search results: the same for everyone who searches the same words (academy/pages.py)."""
    return shell_response(request, "home/search.html", shared=lambda: _search_context(request))


def _search_context(request) -> dict:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = search_words(query)
    notice = ""
    if query and not words:
        notice = _("Search with words: quotes, brackets and other signs are left out of a search.")
    results = run_search(lambda: _results_page(words, request.GET.get("pagina", 1)))
    if results is None:
        notice = _("This search could not be carried out. Try other or fewer words.")
        results = _results_page("", 1)
    return {"query": query, "results": results, "notice": notice}


def _results_page(words: str, number) -> Page:
    found = (
        WagtailPage.objects.live().public().specific().search(words) if words else WagtailPage.objects.none()
    )
    paginator = Paginator(found, RESULTS_PER_PAGE)
    try:
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    page.object_list = list(page.object_list)  # runs the search here, where its errors are caught
    return page
