from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Summary


@receiver(post_delete, sender=Summary)
def delete_the_summary_s_file(sender, instance, **kwargs):
    """A kept summary's file goes with its record (purged with the workshop's evidence), once
    that is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
