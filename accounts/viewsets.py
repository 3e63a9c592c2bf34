from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Organisation

PLATFORM_FIELDS = ["organisation", "organisation_role", "job_title"]


class PlatformUserCreationForm(UserCreationForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PLATFORM_FIELDS)


class PlatformUserEditForm(UserEditForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PLATFORM_FIELDS)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the platform's membership fields, so administrators appoint
    coordinators and place users in organisations."""

    def get_form_class(self, for_update=False):
        return PlatformUserEditForm if for_update else PlatformUserCreationForm
