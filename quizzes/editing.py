"""The quiz editor's own rules: a new question's lesson is its quiz's, and a quiz that would give
its lesson a second public quiz says so before anyone publishes it."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from .opinions import UNSCORED_KINDS


class QuizAdminForm(WagtailAdminModelForm):
    def clean(self):
        """A question added without a lesson takes the quiz's (the lesson field's value, as the
        editor leaves it): the editor chooses another or none only on purpose, later."""
        data = super().clean()
        questions, lesson = data.get("questions"), data.get("lesson")
        if questions is None or lesson is None:
            return data
        known = {child.id for child in self.instance.questions} if self.instance.pk else set()
        for child in questions:
            if (
                child.block_type not in UNSCORED_KINDS
                and child.id not in known
                and child.value.get("lesson") is None
            ):
                child.value["lesson"] = lesson
                anchor = child.value.get("anchor")
                if anchor and anchor not in dict(lesson.table_of_contents()):
                    self.add_error(
                        None,
                        _(
                            "« %(anchor)s » n'est pas un intertitre de la leçon du quiz, que "
                            "prend la nouvelle question « %(text)s »."
                        )
                        % {"anchor": anchor, "text": child.value.get("text", "")},
                    )
        return data


class SecondQuizWarningPanel(Panel):
    """A warning at the top of the editor when the quiz's lesson already has another public quiz
    (Quiz.second_quiz_warning); nothing otherwise."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            warning = self.instance.second_quiz_warning() if self.instance else None
            if not warning:
                return ""
            return format_html(
                '<div class="help-block help-warning" role="status"><p>⚠ {}</p></div>', warning
            )

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.second_quiz_warning())
