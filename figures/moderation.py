"""Moderation without back doors. What readers see is taken down by a moderator only, and never
while something still shows it:

- a published item (a statistic, a series, a resource, a quiz) is deleted only by someone who may
  publish it (Wagtail already keeps a published page's deletion and any unpublication to them);
- nothing is deleted while anything uses it, and nothing published is unpublished while published
  content shows it: a reader never meets "[chiffre indisponible]" or a chart without its bars.
  The refusal lists each use, with links, so that the moderator removes them first.

Uses come from Wagtail's reference index (the "Utilisation" report). A statistic is also used
where a chart of its series is shown: those pages count, through the series."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets

from typography.french import typeset_text


@dataclass
class Use:
    """One object that uses the item: where (its fields), and through which chart, if any."""

    source: object
    fields: list = field(default_factory=list)
    via: object = None
    edit_url: str | None = None
    public_url: str | None = None

    @property
    def live(self):
        return is_live(self.source) and (self.via is None or is_live(self.via))

    @property
    def kind(self):
        return capfirst(self.source._meta.verbose_name)


def is_live(obj):
    return getattr(obj, "live", True)


def public_url(obj):
    """Where a reader sees `obj`, when they can."""
    if not is_live(obj):
        return None
    if isinstance(obj, Page):
        return obj.get_url()
    is_public = getattr(obj, "is_public", True)
    if is_public and hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    return None


def uses(obj, user=None, *, exclude=(), _via=None, _seen=None):
    """Every use of `obj` (Use), from the reference index: the objects whose fields cite it, and
    for a series, where its chart is shown; the uses of a statistic include those of the series
    that draw it. `exclude`: (content type id, pk) of sources that do not count (the pages
    deleted with it)."""
    from .models import Series

    seen = set() if _seen is None else _seen
    seen.add((type(obj), obj.pk))
    finder = AdminURLFinder(user)
    found = []
    for source, references in ReferenceIndex.get_grouped_references_to(obj):
        key = (references[0].base_content_type_id, str(source.pk))
        if key in exclude:
            continue
        source = source.specific if isinstance(source, Page) else source
        found.append(
            Use(
                source=source,
                fields=sorted({reference.describe_source_field() for reference in references}),
                via=_via,
                edit_url=finder.get_edit_url(source),
                public_url=public_url(source),
            )
        )
        if isinstance(source, Series) and (Series, source.pk) not in seen:
            found += uses(source, user, exclude=exclude, _via=source, _seen=seen)
    return found


def page_uses(page, user=None):
    """The uses of a page and the pages under it (deleted with it), from outside them."""
    inside = page.get_descendants(inclusive=True)
    # The reference index names every page by the base model's type (wagtailcore.page).
    page_type = ContentType.objects.get_for_model(Page).pk
    exclude = {(page_type, str(pk)) for pk in inside.values_list("pk", flat=True)}
    found = []
    for each in inside.specific():
        found += uses(each, user, exclude=exclude)
    return found


def may_publish(user, obj):
    """Whether `user` may publish `obj` (a moderator's right)."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    return policy_registry.get(obj).user_has_permission_for_instance(user, "publish", obj)


def deletion_refusal(user, obj):
    """Why `user` may not delete `obj` (None: they may), and the uses to list."""
    if isinstance(obj, DraftStateMixin) and obj.live and not may_publish(user, obj):
        return (
            _(
                "Suppression réservée aux modérateurs : « %(item)s » est en ligne. Demandez-la à "
                "un modérateur."
            )
            % {"item": obj},
            [],
        )
    found = page_uses(obj, user) if isinstance(obj, Page) else uses(obj, user)
    if found:
        return (
            ngettext(
                "Suppression impossible : « %(item)s » sert encore à un endroit, indiqué "
                "ci-dessous. Retirez-y d’abord sa mention.",
                "Suppression impossible : « %(item)s » sert encore à %(count)s endroits, listés "
                "ci-dessous. Retirez-y d’abord chaque mention.",
                len(found),
            )
            % {"item": obj, "count": len(found)},
            found,
        )
    return None


def unpublication_refusal(user, obj):
    """Why `obj` may not be unpublished (None: it may): published content still shows it."""
    if isinstance(obj, Page):
        return None  # Wagtail keeps a page's unpublication to moderators; pages hold no figure
    found = [use for use in uses(obj, user) if use.live]
    if not found:
        return None
    return (
        ngettext(
            "Dépublication impossible : « %(item)s » figure encore dans un contenu publié, "
            "indiqué ci-dessous, où son retrait laisserait un vide. Retirez-y d’abord sa "
            "mention.",
            "Dépublication impossible : « %(item)s » figure encore dans %(count)s contenus "
            "publiés, listés ci-dessous, où son retrait laisserait un vide. Retirez-y d’abord "
            "chaque mention.",
            len(found),
        )
        % {"item": obj, "count": len(found)},
        found,
    )


def refusal_response(request, obj, title, refusal, back_url=None):
    """The admin page that says no, why, and lists the uses with links. Status 403: nothing
    was changed."""
    reason, found = refusal
    return render(
        request,
        "figures/admin/refused.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "warning",
            "item": obj,
            # The admin is not typeset; our own sentence is (no colon alone starting a line).
            "reason": typeset_text(reason),
            "uses": found,
            "back_url": back_url or AdminURLFinder(request.user).get_edit_url(obj),
            "usage_url": usage_url(obj),
        },
        status=403,
    )


def usage_url(obj):
    viewset = getattr(obj, "snippet_viewset", None)
    if viewset is not None:
        return reverse(viewset.get_url_name("usage"), args=[obj.pk])
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:usage", args=[obj.pk])
    return None


class UnpublishView(snippets.UnpublishView):
    """Wagtail's unpublication of a snippet, refused from its confirmation on while published
    content still shows the item (the before_unpublish hook refuses the posted form too)."""

    def get(self, request, *args, **kwargs):
        refusal = unpublication_refusal(request.user, self.object)
        if refusal:
            return refusal_response(request, self.object, _("Dépublication refusée"), refusal)
        return super().get(request, *args, **kwargs)
