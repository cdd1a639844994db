from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul"]


class LegalNoticeBlock(blocks.StaticBlock):
    """The publisher's and the host's facts, as editors filled them in the settings
    (home.legal, through its template tag): those missing are left out of the page and listed in
    its preview."""

    class Meta:
        icon = "doc-full"
        label = _("Éditeur et hébergeur du site")
        template = "blocks/legal_notice.html"
        admin_text = _(
            "L'éditeur et l'hébergeur du site, tels que remplis dans Paramètres → Organisme de "
            "formation et Paramètres → Site public (onglet « Mentions légales ») : ce qui n'y est "
            "pas rempli n'apparaît pas sur le site, et l'aperçu de la page le signale."
        )


class AccessibilityStatementBlock(blocks.StructBlock):
    """A declaration of accessibility in the form the RGAA sets (the model of the Direction
    interministérielle du numérique): its headings in that order, the conformity status and the
    date in plain sight."""

    site_name = blocks.CharBlock(label=_("nom du site"))
    commitment = blocks.RichTextBlock(label=_("engagement"), features=RICH_TEXT)
    status = blocks.ChoiceBlock(
        label=_("état de conformité"),
        choices=[
            ("non", _("non conforme")),
            ("partial", _("partiellement conforme")),
            ("full", _("totalement conforme")),
        ],
        help_text=_(
            "Sans audit de conformité, le site est « non conforme ». « Partiellement » : au "
            "moins 50 % des critères respectés ; « totalement » : tous."
        ),
    )
    rgaa_version = blocks.CharBlock(label=_("version du RGAA"))
    test_results = blocks.RichTextBlock(label=_("résultats des tests"), features=RICH_TEXT)
    non_compliant = blocks.RichTextBlock(
        label=_("non-conformités"), features=RICH_TEXT, required=False
    )
    derogations = blocks.RichTextBlock(
        label=_("dérogations pour charge disproportionnée"), features=RICH_TEXT, required=False
    )
    exempt = blocks.RichTextBlock(
        label=_("contenus non soumis à l'obligation d'accessibilité"),
        features=RICH_TEXT,
        required=False,
    )
    established_on = blocks.DateBlock(label=_("date de la déclaration"))
    technologies = blocks.CharBlock(label=_("technologies utilisées"))
    test_environment = blocks.RichTextBlock(
        label=_("environnement de test"), features=RICH_TEXT, required=False
    )
    tools = blocks.RichTextBlock(
        label=_("outils pour évaluer l'accessibilité"), features=RICH_TEXT, required=False
    )
    pages_checked = blocks.RichTextBlock(
        label=_("pages vérifiées"), features=RICH_TEXT, required=False
    )
    feedback = blocks.RichTextBlock(label=_("retour d'information et contact"), features=RICH_TEXT)
    remedies = blocks.RichTextBlock(label=_("voies de recours"), features=RICH_TEXT)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Déclaration d'accessibilité (modèle du RGAA)")
        template = "blocks/accessibility_statement.html"


class StandardBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Intertitre"), icon="title", template="blocks/simple_heading.html"
    )
    text = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT)
    legal_notice = LegalNoticeBlock()
    accessibility_statement = AccessibilityStatementBlock()
