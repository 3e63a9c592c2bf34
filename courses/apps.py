from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and progress")

    def ready(self):
        from modules.signals import quiz_passed

        from .services import quiz_record_pass
        from .signals import course_completed

        quiz_passed.connect(quiz_record_pass, dispatch_uid="courses-quiz-passed")
        course_completed.connect(on_course_completed, dispatch_uid="courses-completed-certificate")


def on_course_completed(sender, enrolment, **kwargs):
    from academy.tasks import enqueue

    from .tasks import complete_course

    enqueue(complete_course, enrolment.pk)
