from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from academy.admin_columns import YesNoColumn

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "sector", YesNoColumn("is_platform_member", Organisation)]
    list_filter = ["sector", "is_platform_member"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
