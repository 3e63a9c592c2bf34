from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes and learning groups")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from courses.dashboard import register_section

        from .selectors import dashboard_groups_for

        register_section("programmes/includes/dashboard_groups.html", dashboard_groups_for)
        email_confirmed.connect(on_email_confirmed, dispatch_uid="programmes-group-invitations")


def on_email_confirmed(sender, request=None, email_address=None, **kwargs):
    """Someone invited to a group by address joins it once they confirmed that address."""
    from .services import invitations_accept_for_email

    if email_address is not None:
        invitations_accept_for_email(user=email_address.user, email=email_address.email)
