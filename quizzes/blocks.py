"""Question blocks. Each question and each choice keeps the stable id Wagtail gives it, which
attempts record, so a later edit of the quiz never changes a past result."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from figures.blocks import StatisticChooserBlock

from .opinions import OPEN_LENGTH, POLL_CHOICES, WORD_LENGTH
from .widgets import LessonSectionInput

# "statistic": a key figure cited at its current published value (figures.rich_text).
EXPLANATION_FEATURES = ["bold", "italic", "link", "statistic"]


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("réponse"),
        help_text=_(
            "Sans chiffre clé tapé : une réponse ne suit pas la statistique. Demandez plutôt "
            "« quel réseau… » et citez le chiffre dans le commentaire ou l'explication."
        ),
    )
    correct = blocks.BooleanBlock(label=_("bonne réponse"), required=False)
    feedback = blocks.RichTextBlock(
        label=_("commentaire"),
        required=False,
        features=EXPLANATION_FEATURES,
        help_text=_(
            "Une ou deux phrases, montrées après la soumission à qui a choisi cette réponse. "
            "Citez un chiffre clé avec le bouton « % »."
        ),
    )

    class Meta:
        icon = "tick"
        label = _("Réponse")


class LessonChooserBlock(blocks.PageChooserBlock):
    """A lesson to link to: only its title and address are needed, so its (long) body is never
    loaded when a quiz is shown or scored."""

    def __init__(self, **kwargs):
        super().__init__(page_type="lessons.LessonPage", **kwargs)

    def bulk_to_python(self, values):
        pages = Page.objects.only("title", "url_path", "path", "depth").in_bulk(
            [value for value in values if value is not None]
        )
        return [pages.get(value) for value in values]


class LessonSectionBlock(blocks.FieldBlock):
    """The anchor of one of the headings of the lesson chosen in the block's `lesson_field`,
    picked in a menu of them (LessonSectionInput). Stored as the anchor, as typed anchors were."""

    def __init__(self, required=False, help_text=None, lesson_field="lesson", **kwargs):
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            widget=LessonSectionInput(lesson_field=lesson_field),
        )
        super().__init__(**kwargs)


class QuestionBlock(blocks.StructBlock):
    """What every question has: its text, an explanation and the lesson section that teaches it."""

    text = blocks.TextBlock(label=_("question"))
    explanation = blocks.RichTextBlock(
        label=_("explication"),
        features=EXPLANATION_FEATURES,
        help_text=_(
            "Montrée avec la correction. Citez un chiffre clé avec le bouton « % » : il reste à "
            "jour quand la statistique change."
        ),
    )
    lesson = LessonChooserBlock(label=_("leçon qui l'enseigne"), required=False)
    anchor = LessonSectionBlock(
        label=_("section de la leçon"),
        help_text=_(
            "L'intertitre de la leçon choisie où la réponse est expliquée ; sans choix, la "
            "question renvoie au début de la leçon. (Sans menu : tapez l'ancre de l'intertitre.)"
        ),
    )

    class Meta:
        icon = "help"

    def clean(self, value):
        """The section must be one of the lesson's headings: the error lists them."""
        value = super().clean(value)
        lesson, anchor = value.get("lesson"), value.get("anchor")
        if lesson and anchor:
            headings = dict(lesson.specific.table_of_contents())
            if anchor not in headings:
                choices = " ; ".join(f"{key} ({text})" for key, text in headings.items())
                message = _(
                    "« %(anchor)s » n'est pas un intertitre de cette leçon. "
                    "Intertitres : %(choices)s."
                ) % {
                    "anchor": anchor,
                    "choices": choices or _("aucun"),
                }
                raise StructBlockValidationError({"anchor": ValidationError(message)})
        return value


class ChoiceQuestionBlock(QuestionBlock):
    # A new question starts with the two answers it needs at least.
    choices = blocks.ListBlock(
        ChoiceBlock(),
        label=_("réponses"),
        min_num=2,
        default=[{"text": "", "correct": False, "feedback": ""}] * 2,
    )

    multiple = False

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if self.multiple and correct < 1:
            message = _("Cochez au moins une bonne réponse.")
        elif not self.multiple and correct != 1:
            message = _("Cochez exactement une bonne réponse.")
        else:
            return value
        raise StructBlockValidationError({"choices": ValidationError(message)})


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Choix unique")
        icon = "radio-full"


class MultipleChoiceBlock(ChoiceQuestionBlock):
    multiple = True

    class Meta:
        label = _("Choix multiple")
        icon = "tasks"


class TrueFalseBlock(QuestionBlock):
    answer = blocks.BooleanBlock(label=_("l'affirmation est vraie"), required=False)

    class Meta:
        label = _("Vrai ou faux")
        icon = "radio-empty"


class NumericBlock(QuestionBlock):
    statistic = StatisticChooserBlock(
        label=_("statistique"),
        required=False,
        help_text=_("La bonne réponse suit alors la valeur publiée de cette statistique."),
    )
    answer = blocks.DecimalBlock(
        label=_("bonne réponse"), required=False, help_text=_("Si aucune statistique.")
    )
    tolerance = blocks.DecimalBlock(
        label=_("tolérance"),
        default=0,
        min_value=0,
        help_text=_("Écart accepté, en plus ou en moins."),
    )
    unit = blocks.CharBlock(
        label=_("unité affichée"), required=False, help_text=_("« % », « minutes »…")
    )

    class Meta:
        label = _("Estimation chiffrée")
        icon = "order"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("statistic") and value.get("answer") is None:
            raise StructBlockValidationError(
                {"answer": ValidationError(_("Choisissez une statistique ou indiquez la réponse."))}
            )
        return value


def numeric_unit(value):
    """The unit typed after an estimate: the editor's, else the statistic's ("%", "minutes")."""
    statistic = value.get("statistic")
    return value.get("unit") or (statistic.unit_symbol if statistic else "")


# Questions without a right answer (quizzes.opinions): never scored, no explanation to give.


class OpinionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("question"))


class PollBlock(OpinionBlock):
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("réponse proposée"), max_length=120),
        label=_("réponses proposées"),
        min_num=2,
        max_num=POLL_CHOICES,
        default=["", ""],
    )
    multiple = blocks.BooleanBlock(label=_("plusieurs réponses possibles"), required=False)

    class Meta:
        label = _("Sondage (sans bonne réponse)")
        icon = "list-ul"
        help_text = _(
            "Pour connaître le groupe : « Votre entreprise est-elle déjà sur un réseau "
            "social ? ». Les réponses gardent l'ordre saisi ; aucune n'est juste ou fausse."
        )


class ScaleBlock(OpinionBlock):
    scale = blocks.ChoiceBlock(
        label=_("échelle"),
        choices=[("1-5", _("de 1 à 5")), ("0-10", _("de 0 à 10"))],
        default="1-5",
    )
    low_label = blocks.CharBlock(
        label=_("sens du plus petit nombre"),
        max_length=40,
        help_text=_("« Pas du tout à l'aise », « Pas du tout d'accord »…"),
    )
    high_label = blocks.CharBlock(
        label=_("sens du plus grand nombre"),
        max_length=40,
        help_text=_("« Tout à fait à l'aise », « Tout à fait d'accord »…"),
    )

    class Meta:
        label = _("Échelle d'opinion (sans bonne réponse)")
        icon = "order"


class WordCloudBlock(OpinionBlock):
    class Meta:
        label = _("Nuage de mots (sans bonne réponse)")
        icon = "tag"
        help_text = format_lazy(
            _(
                "Chacun répond en un mot ou quelques mots ({limit} caractères au plus) ; en "
                "séance en direct, les mots les plus cités s'affichent en plus grand."
            ),
            limit=WORD_LENGTH,
        )


class OpenQuestionBlock(OpinionBlock):
    class Meta:
        label = _("Question ouverte (sans bonne réponse)")
        icon = "openquote"
        help_text = format_lazy(
            _(
                "Une réponse libre ({limit} caractères au plus). En séance en direct, le "
                "formateur choisit les réponses projetées."
            ),
            limit=OPEN_LENGTH,
        )


class QuestionsBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    numeric = NumericBlock()
    poll = PollBlock()
    scale = ScaleBlock()
    word_cloud = WordCloudBlock()
    open = OpenQuestionBlock()
