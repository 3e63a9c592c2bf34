"""Columns for the CMS's listings that speak the CMS's language."""

from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A yes/no field as "Ja"/"Nee": Wagtail's own column shows Python's "True"/"False"."""

    def __init__(self, name, model, **kwargs):
        kwargs.setdefault("label", model._meta.get_field(name).verbose_name)
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("Yes") if value else _("No")
