from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Job


@receiver(post_delete, sender=Job)
def delete_the_job_s_file(sender, instance, **kwargs):
    """A job's file goes with it (its account deleted, its retention over), once that is
    committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
