from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from .models import Document, ExpiredAttestation, SelfStudyAttestation


@receiver(post_delete, sender=Document)
def delete_the_document_s_file(sender, instance, **kwargs):
    """A document's file goes with its record (the attestation purged at the end of its legal
    period), once that is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


@receiver(pre_delete, sender=SelfStudyAttestation)
def an_attestation_de_suivi_leaves_a_trace(sender, instance, **kwargs):
    """Deleted with its learner's account: its verification address then says that it existed
    (nothing about the person), instead of calling a genuine document unknown."""
    ExpiredAttestation.objects.get_or_create(
        token=instance.token,
        defaults={
            "kind": ExpiredAttestation.Kind.SELF_STUDY,
            "issued_at": instance.issued_at,
            "body_name": instance.content.get("site", {}).get("name", ""),
            "personal_data_deleted_at": timezone.now(),
        },
    )


@receiver(post_delete, sender=SelfStudyAttestation)
def delete_the_attestation_de_suivi_s_file(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
