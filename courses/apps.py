from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and progress")

    def ready(self):
        from modules.signals import quiz_passed

        from .services import quiz_record_pass

        quiz_passed.connect(quiz_record_pass, dispatch_uid="courses-quiz-passed")
