from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from figures.admin_ui import YesColumn, status_column

from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = _("Quiz")
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "title",
        "lesson",
        Column("pass_mark_display", label=_("Note pour réussir")),
        YesColumn("reserved_to_workshops", label=_("Réservé aux ateliers")),
        status_column(),
    ]
    list_filter = {"lesson": ["exact"], "reserved_to_workshops": ["exact"]}


register_snippet(QuizViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_answer_positions(request, instance):
    """Unshuffled choices with the right answer always in one place can be gamed."""
    if isinstance(instance, Quiz):
        warning = instance.answer_position_warning()
        if warning:
            messages.warning(request, warning)


@hooks.register("register_log_actions")
def register_quiz_actions(actions):
    actions.register_action(
        "quizzes.reserve",
        _("Réservé aux ateliers"),
        _("Réservé aux ateliers par un formateur (retiré du site public)"),
    )
