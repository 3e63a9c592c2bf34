from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class QuestionBankPanel(Panel):
    """The quiz's questions inside its edit form, with links to edit them, add more and import GIFT."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Questions"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "modules/admin/question_bank_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import Question

            context = super().get_context_data(parent_context)
            quiz = self.instance
            context["quiz"] = quiz
            if quiz.pk:
                context["questions"] = list(
                    Question.objects.filter(quiz=quiz)
                    .annotate(answer_count=Count("responses"))
                    .order_by("sort_order", "pk")
                )
                context["bank_url"] = reverse("quiz_questions", args=[quiz.pk])
                context["import_url"] = reverse("quiz_gift_import", args=[quiz.pk])
                context["add_url"] = reverse("wagtailsnippets_modules_question:add") + f"?quiz={quiz.pk}"
            return context
