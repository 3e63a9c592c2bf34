from .pages import LearningItemPage, LessonPage, ModulePage

__all__ = ["LearningItemPage", "LessonPage", "ModulePage"]
