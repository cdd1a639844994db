from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import User
from .retention import forget_sign_ins


@receiver(post_delete, sender=User)
def forget_a_deleted_accounts_sign_ins(sender, instance, **kwargs):
    forget_sign_ins(instance.email)
