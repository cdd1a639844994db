"""The blocks a lesson is written with."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from figures.blocks import BulkSnippetChooserBlock, ChartBlock, KeyFigureBlock

# "statistic": a key figure cited inside the text, always at its current published value.
TEXT_FEATURES = ["bold", "italic", "link", "statistic", "ol", "ul"]


def heading_anchor(heading):
    """A heading's anchor: the one the editor gave, else one made from its text."""
    return heading.get("anchor") or slugify(heading.get("text", ""))


class HeadingValue(blocks.StructValue):
    def slug(self):
        return heading_anchor(self)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("intertitre"))
    anchor = blocks.CharBlock(
        label=_("ancre"),
        required=False,
        help_text=_("Identifiant pour les liens vers cette section (sinon tiré du titre)."),
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "blocks/heading.html"
        value_class = HeadingValue
        description = _("Un intertitre : il apparaît dans le sommaire de la leçon.")
        preview_value = {"text": "Définir une cible", "anchor": "definir-une-cible"}


class CalloutBlock(blocks.StructBlock):
    """A framed note: remark, warning ("point de vigilance") or example."""

    title = blocks.CharBlock(label=_("titre"), required=False)
    text = blocks.RichTextBlock(label=_("texte"), features=TEXT_FEATURES)

    def __init__(self, kind, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind"] = self.kind
        return context

    class Meta:
        template = "blocks/callout.html"


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("terme"))
    definition = blocks.RichTextBlock(label=_("définition"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Définition")
        template = "blocks/definition.html"
        description = _("Un terme et sa définition.")
        preview_value = {"term": "Freemium", "definition": "<p>Un service de base gratuit…</p>"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur ou source"))

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"
        description = _("Une citation courte et sa source.")
        preview_value = {"text": "…", "attribution": "Fiche pratique ENE"}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("point")), label=_("points"))

    class Meta:
        icon = "tasks"
        label = _("Liste de contrôle")
        template = "blocks/checklist.html"
        description = _("Des points à cocher mentalement.")
        preview_value = {"title": "Les missions", "items": ["Publier", "Répondre"]}


class ResourceChooserBlock(BulkSnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("lessons.Resource", **kwargs)

    def queryset(self):
        return self.model_class.objects.select_related("document")


class ResourceBlock(blocks.StructBlock):
    resource = ResourceChooserBlock(label=_("ressource"))

    class Meta:
        icon = "link"
        label = _("Ressource")
        template = "blocks/resource.html"
        description = _("Une ressource publiée (livre blanc, article, guide).")


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Texte"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/text.html",
    )
    definition = DefinitionBlock()
    remark = CalloutBlock("remark", label=_("Remarque"), icon="info-circle", group=_("Encadrés"))
    warning = CalloutBlock(
        "warning", label=_("Point de vigilance"), icon="warning", group=_("Encadrés")
    )
    example = CalloutBlock("example", label=_("Exemple"), icon="pick", group=_("Encadrés"))
    quote = QuoteBlock()
    checklist = ChecklistBlock()
    key_figure = KeyFigureBlock(group=_("Chiffres"))
    chart = ChartBlock(group=_("Chiffres"))
    resource = ResourceBlock()


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"))
    author = blocks.CharBlock(label=_("auteur ou éditeur"))
    url = blocks.URLBlock(label=_("lien"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Source")
