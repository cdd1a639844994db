from django.db.models.signals import post_delete
from django.dispatch import receiver

from privacy import registry

from .models import User


@receiver(post_delete, sender=User)
def forget_what_names_a_deleted_account(sender, instance, **kwargs):
    """What names the account without a relation to it (sign-in records): the rest follows the
    relations' on_delete."""
    registry.forget(instance)
