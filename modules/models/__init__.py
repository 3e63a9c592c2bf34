from .pages import LearningItemPage, LessonPage, ModuleCaseLink, ModulePage, QuizPage, ReviewMode
from .quiz import (
    CHOICE_KINDS,
    Attempt,
    Option,
    Question,
    QuestionKind,
    QuestionResponse,
    QuestionTag,
    RubricCriterion,
)

__all__ = [
    "CHOICE_KINDS",
    "Attempt",
    "LearningItemPage",
    "LessonPage",
    "ModuleCaseLink",
    "ModulePage",
    "Option",
    "Question",
    "QuestionKind",
    "QuestionResponse",
    "QuestionTag",
    "QuizPage",
    "ReviewMode",
    "RubricCriterion",
]
