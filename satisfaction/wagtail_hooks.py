from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Questionnaire


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires de satisfaction")
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["title", "timing", "anonymous", "active"]
    list_filter = {"timing": ["exact"], "active": ["exact"]}


register_snippet(QuestionnaireViewSet)
