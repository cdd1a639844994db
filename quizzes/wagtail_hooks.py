from django.contrib import messages
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

from figures import moderation
from figures.admin_ui import YesColumn, status_column

from .exchange.views import ExportView, ImportView
from .models import Quiz


class QuizIndexView(snippets.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("quizzes.add_quiz"):
            buttons.append(
                HeaderButton(
                    _("Importer des questions"),
                    url=reverse("wagtailsnippets_quizzes_quiz:import"),
                    icon_name="upload",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("quizzes.change_quiz"):
            buttons.append(
                MenuItem(
                    _("Exporter les questions"),
                    reverse("wagtailsnippets_quizzes_quiz:export", args=[instance.pk]),
                    icon_name="download",
                    priority=35,
                )
            )
        return buttons


class QuizEditView(snippets.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm("quizzes.change_quiz"):
            buttons += [
                Button(
                    _("Exporter les questions"),
                    url=reverse("wagtailsnippets_quizzes_quiz:export", args=[self.object.pk]),
                    icon_name="download",
                    priority=60,
                ),
                Button(
                    _("Importer des questions dans ce quiz"),
                    url=reverse("wagtailsnippets_quizzes_quiz:import") + f"?quiz={self.object.pk}",
                    icon_name="upload",
                    priority=61,
                ),
            ]
        return buttons


class QuizViewSet(snippets.SnippetViewSet):
    model = Quiz
    icon = "help"
    index_view_class = QuizIndexView
    edit_view_class = QuizEditView
    unpublish_view_class = moderation.UnpublishView
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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("importer/", ImportView.as_view(), name="import"),
            path("exporter/<int:pk>/", ExportView.as_view(), name="export"),
        ]


register_snippet(QuizViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_answer_positions(request, instance):
    """Unshuffled choices with the right answer always in one place can be gamed; a lesson shows
    one public quiz, so a second one is said before it is published."""
    if isinstance(instance, Quiz):
        for warning in (instance.answer_position_warning(), instance.second_quiz_warning()):
            if warning:
                messages.warning(request, warning)


@hooks.register("register_log_actions")
def register_quiz_actions(actions):
    actions.register_action(
        "quizzes.reserve",
        _("Réservé aux ateliers"),
        _("Réservé aux ateliers par un formateur (retiré du site public)"),
    )
