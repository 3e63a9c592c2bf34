from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LearningGroup


class LearningGroupViewSet(SnippetViewSet):
    """Trainers and administrators create groups, their deadlines and meetings here; members join by
    bulk enrolment (/mijn/inschrijven/)."""

    model = LearningGroup
    icon = "group"
    menu_label = _("Learning groups")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "programme", "course", "start_date", "end_date"]
    search_fields = ["name"]


register_snippet(LearningGroupViewSet)
