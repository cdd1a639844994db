"""Documents behind published content (a resource's file, a link in a lesson): the file a reader
downloads changes only with a moderator, like the content that offers it. Replacing the file of
a document that published content uses is for those who may publish that content; no one deletes
a document while anything uses it (the figures' rule, figures.moderation). Both are Wagtail's own
mechanisms: the document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) and the documents' permission
policy, which every deletion path asks (the document's page, the listing's bulk deletion, the
multiple upload's), and which hides the buttons."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model, get_permission_policy
from wagtail.documents.forms import BaseDocumentForm
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from figures.moderation import may_publish, uses


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form: the file's help says where the document is used, and a new file
    is refused to whoever may not publish the published content that offers it."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user
        self.uses = uses(self.instance, user) if self.instance.pk else []
        if self.uses and "file" in self.fields:
            self.fields["file"].help_text = format_html(
                "{} {}. {}",
                ngettext("Utilisé par :", "Utilisé par :", len(self.uses)),
                format_html_join(
                    " ; ",
                    "{} « {} »",
                    ((use.kind, use.source) for use in self.uses),
                ),
                _(
                    "Un nouveau fichier remplace celui que les lecteurs téléchargent : seul un "
                    "modérateur peut le remplacer quand un contenu publié l’utilise. Le document "
                    "ne peut pas être supprimé tant qu’il est utilisé."
                ),
            )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if self.instance.pk and "file" in self.changed_data:
            # The uses read for the file's help: the published content the user may not publish.
            beyond = [u for u in self.uses if u.live and not may_publish(self.user, u.source)]
            if beyond:
                raise ValidationError(
                    ngettext(
                        "Ce document est offert aux lecteurs par un contenu publié (%(uses)s) : "
                        "seul un modérateur peut en remplacer le fichier.",
                        "Ce document est offert aux lecteurs par des contenus publiés "
                        "(%(uses)s) : seul un modérateur peut en remplacer le fichier.",
                        len(beyond),
                    )
                    % {"uses": " ; ".join(f"{use.kind} « {use.source} »" for use in beyond)},
                    code="moderated",
                )
        return file


class DocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for documents (collections and owners), but no deletion of a document
    that anything uses."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and uses(instance, user):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def register_document_rules():
    """From the app's ready(): registered for the exact class, so that it wins over the policy
    wagtail.documents registers after us."""
    default = get_permission_policy()
    register_permission_policy(
        get_document_model(),
        DocumentPermissionPolicy(
            default.model, auth_model=default.auth_model, owner_field_name=default.owner_field_name
        ),
        exact_class=True,
    )
