from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CollaborationStatement


class CollaborationStatementViewSet(SnippetViewSet):
    """The statement set of the collaboration scan, per factor and world, with revisions. A round
    copies the statements when it opens: editing here never changes the results of a round."""

    model = CollaborationStatement
    icon = "list-ul"
    menu_label = _("Collaboration scan")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["text", "factor", "world", "sort_order", "is_active"]
    list_filter = ["factor", "world", "is_active"]
    ordering = ["factor__number", "world", "sort_order", "pk"]


register_snippet(CollaborationStatementViewSet)
