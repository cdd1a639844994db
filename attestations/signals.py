from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Document


@receiver(post_delete, sender=Document)
def delete_the_document_s_file(sender, instance, **kwargs):
    """A document's file goes with its record (the attestation purged at the end of its legal
    period), once that is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
