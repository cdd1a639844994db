from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StandardBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Intertitre"), icon="title", template="blocks/simple_heading.html"
    )
    text = blocks.RichTextBlock(
        label=_("Texte"), features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
