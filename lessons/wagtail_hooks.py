from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "link"
    menu_label = _("Ressources")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "kind", "publisher", "language", "possibly_outdated"]
    list_filter = {"kind": ["exact"], "language": ["exact"], "tags__name": ["exact"]}
    list_export = ["slug", "title", "kind", "publisher", "url", "language", "possibly_outdated"]
    export_filename = "ressources"


register_snippet(ResourceViewSet)
