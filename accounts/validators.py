"""Django's password validators with our own texts: Django's Dutch says "Uw", the academy says "je"."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext, ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return gettext("This password is too similar to your %(verbose_name)s.")

    def get_help_text(self):
        return gettext("Your password can't be too similar to your other personal information.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django 5.2's own message changed its placeholder and lost its Dutch translation; ours has one."""

    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return gettext("This password is too common: many people use it.")

    def get_help_text(self):
        return gettext("Your password can't be a commonly used password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return gettext("This password consists of digits only.")

    def get_help_text(self):
        return gettext("Your password can't be entirely numeric.")
