from django.apps import apps
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page as WagtailPage

from academy.pages import register_query_parameters, shell_response
from academy.search import MAX_QUERY_LENGTH, run_search, search_words

RESULTS_PER_PAGE = 20

# The kinds of content a visitor searches, by the value of ?soort= (named by string: home depends on no
# content app). Drafts never appear: only live, public pages are searched.
RESULT_KINDS = {
    "cursus": ("courses.CoursePage", gettext_lazy("Courses")),
    "leergang": ("programmes.ProgrammePage", gettext_lazy("Programmes")),
    "les": ("modules.LessonPage", gettext_lazy("Lessons")),
    "instrument": ("handelingsrepertoire.InstrumentPage", gettext_lazy("Instruments")),
    "praktijkvoorbeeld": ("cases.CasePage", gettext_lazy("Cases")),
}

register_query_parameters("q", "pagina", "soort")


def search(request):
    """Search results: the same for everyone who searches the same words (academy/pages.py)."""
    return shell_response(request, "home/search.html", shared=lambda: _search_context(request))


def _search_context(request) -> dict:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    kind = request.GET.get("soort", "")
    kind = kind if kind in RESULT_KINDS else ""
    words = search_words(query)
    notice = ""
    if query and not words:
        notice = _("Search with words: quotes, brackets and other signs are left out of a search.")
    results = run_search(lambda: _results_page(words, kind, request.GET.get("pagina", 1)))
    kinds = run_search(lambda: _kind_counts(words)) if words else []
    if results is None or kinds is None:
        notice = _("This search could not be carried out. Try other or fewer words.")
        results, kinds = _results_page("", "", 1), []
    return {"query": query, "kind": kind, "kinds": kinds, "results": results, "notice": notice}


def _pages(kind: str):
    pages = WagtailPage.objects.live().public()
    if kind:
        pages = pages.type(apps.get_model(RESULT_KINDS[kind][0]))
    return pages


def _kind_counts(words: str) -> list[tuple[str, str, int]]:
    """(value of ?soort=, label, number of results) per kind that has results."""
    counts = []
    for key, (_model, label) in RESULT_KINDS.items():
        count = _pages(key).search(words).count()
        if count:
            counts.append((key, str(label), count))
    return counts


def _results_page(words: str, kind: str, number) -> Page:
    found = _pages(kind).specific().search(words) if words else WagtailPage.objects.none()
    paginator = Paginator(found, RESULTS_PER_PAGE)
    try:
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    page.object_list = list(page.object_list)  # runs the search here, where its errors are caught
    models = {key: apps.get_model(name) for key, (name, _label) in RESULT_KINDS.items()}
    for result in page.object_list:
        result.result_kind = next((key for key, model in models.items() if isinstance(result, model)), "")
    return page
