"""The admin's pages for questions in bulk (Quiz → Importer des questions; a quiz's "Exporter les
questions"). Import: upload, a preview of each question as it will be created with its errors
and notes on their lines, then the draft (quizzes.exchange.importing). Export: what each format
keeps of the quiz, question by question, and the file."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.rich_text import expand_db_html

from lessons.models import LessonPage

from ..models import Quiz
from . import importing
from .formats import FORMATS, decode, guess
from .questions import items_of, prepare

MAX_BYTES = 1024 * 1024  # far more than any quiz: a thousand questions
ADMIN = "wagtailsnippets_quizzes_quiz"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("fichier"),
        required=False,
        help_text=gettext_lazy(
            "GIFT ou Aiken (fichier texte, comme Moodle les exporte) ou tableur enregistré en "
            "CSV (séparateur point-virgule, UTF-8)."
        ),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("format"),
        choices=[("", gettext_lazy("Selon le fichier"))]
        + [(code, f.label) for code, f in FORMATS.items()],
        required=False,
    )
    quiz = forms.ModelChoiceField(
        Quiz.objects.all(),
        label=gettext_lazy("ajouter au quiz"),
        required=False,
        empty_label=gettext_lazy("— un nouveau quiz —"),
        help_text=gettext_lazy(
            "Les questions s'ajoutent après les siennes, dans un brouillon : la version en "
            "ligne ne change qu'une fois le brouillon validé."
        ),
    )
    title = forms.CharField(
        label=gettext_lazy("titre du nouveau quiz"), required=False, max_length=255
    )
    lesson = forms.ModelChoiceField(
        LessonPage.objects.order_by("path"),
        label=gettext_lazy("leçon du nouveau quiz"),
        required=False,
        empty_label=gettext_lazy("— aucune : le quiz de tout le cours —"),
        help_text=gettext_lazy("Une question sans leçon dans le fichier prend celle du quiz."),
    )
    # The file's text, carried from the preview to the creation.
    content = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
    name = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(_("Fichier trop gros (1 Mo au plus)."))
            text, notes = decode(upload.read())
            data["content"], data["name"], data["file_notes"] = text, upload.name, notes
        elif not data.get("content"):
            self.add_error("file", _("Choisissez un fichier."))
        else:
            data["file_notes"] = []
        if data.get("quiz") is None and not (data.get("title") or "").strip():
            self.add_error("title", _("Donnez un titre au nouveau quiz, ou choisissez un quiz."))
        return data


class ImportView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Importer des questions")
    header_icon = "upload"
    template_name = "quizzes/admin/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("quizzes.add_quiz") and not request.user.has_perm(
            "quizzes.change_quiz"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ADMIN}:list"), "label": _("Quiz")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        return {"quiz": self.request.GET.get("quiz")}

    def form_valid(self, form):
        data = form.cleaned_data
        quiz, user = data["quiz"], self.request.user
        if not user.has_perm("quizzes.change_quiz" if quiz else "quizzes.add_quiz"):
            raise PermissionDenied
        code = data["format"] or guess(data["name"], data["content"])
        items, notes = FORMATS[code].parse(data["content"])
        notes = data["file_notes"] + notes
        lesson = quiz.lesson if quiz else data["lesson"]
        prepare(items, lesson)
        refusal = None
        if quiz is not None:
            try:
                importing.check_target(quiz, user)
            except importing.ImportRefused as error:
                refusal = str(error)
        creatable = [item for item in items if item.data is not None]
        if "confirm" in self.request.POST and creatable and refusal is None:
            title = (data["title"] or "").strip()
            quiz, submitted = importing.create(
                items, user, quiz=quiz, title=title, lesson=data["lesson"]
            )
            count = len(creatable)
            if submitted:
                message = ngettext(
                    "%(count)s question importée dans « %(quiz)s » et soumise à la validation.",
                    "%(count)s questions importées dans « %(quiz)s » et soumises à la validation.",
                    count,
                )
                messages.success(self.request, message % {"count": count, "quiz": quiz})
            else:
                message = ngettext(
                    "%(count)s question importée dans « %(quiz)s », en brouillon : écrivez "
                    "l'explication qui manque, puis soumettez.",
                    "%(count)s questions importées dans « %(quiz)s », en brouillon : écrivez "
                    "les explications qui manquent, puis soumettez.",
                    count,
                )
                messages.warning(self.request, message % {"count": count, "quiz": quiz})
            return redirect(reverse(f"{ADMIN}:edit", args=[quiz.pk]))
        form = ImportForm(
            initial={
                "content": data["content"],
                "name": data["name"],
                "format": code,
                "quiz": quiz.pk if quiz else None,
                "title": data["title"],
                "lesson": data["lesson"].pk if data["lesson"] else None,
            }
        )
        for name in ("file", "format", "quiz", "title", "lesson"):
            form.fields[name].widget = forms.HiddenInput()
        for item in creatable:
            item.preview = self.preview(item)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                items=items,
                file_notes=notes,
                format=FORMATS[code],
                file_name=data["name"],
                quiz=quiz,
                new_title=data["title"],
                lesson=lesson,
                creatable=creatable,
                rejected=[item for item in items if item.data is None],
                complete=all(item.complete for item in creatable),
                refusal=refusal,
            )
        )

    @staticmethod
    def preview(item):
        """The explanation and the comments as the site will show them."""
        value = item.data["value"]
        return {
            "explanation": expand_db_html(value.get("explanation") or ""),
            "feedback": [
                expand_db_html(choice["value"]["feedback"])
                if isinstance(choice["value"], dict)
                else ""
                for choice in value.get("choices", [])
            ],
        }


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "download"
    template_name = "quizzes/admin/export.html"

    def dispatch(self, request, pk):
        if not request.user.has_perm("quizzes.change_quiz"):
            raise PermissionDenied
        self.quiz = get_object_or_404(Quiz, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Exporter les questions")

    def get_page_subtitle(self):
        return str(self.quiz)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ADMIN}:list"), "label": _("Quiz")},
            {"url": reverse(f"{ADMIN}:edit", args=[self.quiz.pk]), "label": str(self.quiz)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, pk):
        code = request.GET.get("format")
        if code in FORMATS:
            format_ = FORMATS[code]
            text, _notes = format_.write(items_of(self.quiz), self.quiz.title)
            response = HttpResponse(text, content_type=format_.content_type)
            response["Content-Disposition"] = (
                f'attachment; filename="{self.quiz.slug}.{format_.extension}"'
            )
            return response
        return super().get(request, pk)

    def get_context_data(self, **kwargs):
        items = items_of(self.quiz)
        formats = []
        for format_ in FORMATS.values():
            _text, notes = format_.write(items, self.quiz.title)
            by_question = {}
            for number, message in notes:
                by_question.setdefault(number, []).append(message)
            formats.append(
                {
                    "format": format_,
                    "notes": [
                        (number, items[number - 1], by_question[number])
                        for number in sorted(by_question)
                    ],
                    "url": f"?format={format_.code}",
                }
            )
        return super().get_context_data(**kwargs) | {
            "quiz": self.quiz,
            "count": len(items),
            "formats": formats,
            "import_url": reverse(f"{ADMIN}:import") + f"?quiz={self.quiz.pk}",
        }
