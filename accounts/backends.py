"""Authentication backends: Django's and allauth's, loading the logged-in user with one raw query.

Every request of a logged-in professional loads their user row. The ORM compiles that query anew each
time, which costs more than running it (about 0.2 ms against 0.08 ms); the lesson page's throughput
budget (issue 3) is tight enough for that to matter. Authentication itself is unchanged.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from .models import User

USER_SQL = f"SELECT * FROM {User._meta.db_table} WHERE {User._meta.pk.column} = %s"  # noqa: S608  # nosec B608  # our table


class UserLoadingMixin:
    def get_user(self, user_id):
        # user_id comes from the server-side session, already converted by django.contrib.auth.
        user = next(iter(User._default_manager.raw(USER_SQL, [user_id])), None)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(UserLoadingMixin, DjangoModelBackend):
    pass


class AuthenticationBackend(UserLoadingMixin, AllauthBackend):
    pass
