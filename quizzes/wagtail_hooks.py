from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = _("Quiz")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["title", "lesson", "pass_mark"]
    list_filter = {"lesson": ["exact"]}


register_snippet(QuizViewSet)
