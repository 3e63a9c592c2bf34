from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SuccessFactor


class SuccessFactorViewSet(SnippetViewSet):
    model = SuccessFactor
    icon = "pick"
    menu_label = _("Success factors")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["number", "name", "world"]
    list_filter = ["world"]


register_snippet(SuccessFactorViewSet)
