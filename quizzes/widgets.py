"""Admin widgets of the quiz editor."""

import json

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _


class LessonSectionInput(forms.TextInput):
    """A question's section: the anchor of a heading of the lesson chosen beside it.

    The input keeps the stored value (the anchor). The `lesson-section` Stimulus controller
    (static/quizzes/lesson-section.js) stands a menu of that lesson's headings in its place and
    fills it again when the lesson changes; without the script the anchor is typed. Either way,
    QuestionBlock.clean checks it against the lesson's headings.
    """

    def __init__(self, lesson_field="lesson", attrs=None):
        self.lesson_field = lesson_field
        super().__init__(attrs)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        labels = {
            "whole": _("Toute la leçon (pas de section précise)"),
            "noLesson": _("Choisissez d'abord la leçon"),
            "loading": _("Chargement des intertitres…"),
            # %s: the anchor stored for the question.
            "unknown": _("« %s » : pas un intertitre de cette leçon"),
        }
        attrs.update(
            {
                "data-controller": "lesson-section",
                "data-lesson-section-url-value": reverse("lesson_sections"),
                "data-lesson-section-lesson-field-value": self.lesson_field,
                "data-lesson-section-labels-value": json.dumps(labels, ensure_ascii=False),
            }
        )
        return attrs

    @property
    def media(self):
        return forms.Media(js=["quizzes/lesson-section.js"])
