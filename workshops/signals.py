from django.db.models import Count
from django.db.models.signals import pre_delete
from django.dispatch import Signal

from .models import Workshop

# Sent once the trainer saved a workshop's programme (`workshop`, `changed`: whether a session
# was added, moved or removed): apps above, which own what depends on it, connect to it.
schedule_saved = Signal()


def archive_workshops_left_without_trainer(sender, instance, **kwargs):
    """A workshop whose only trainer deletes their account is archived (no one can join it any
    more), not left open with nobody in charge."""
    alone = Workshop.objects.annotate(trainer_count=Count("trainers")).filter(
        trainer_count=1, pk__in=instance.workshops_run.values("pk")
    )
    Workshop.objects.filter(pk__in=list(alone.values_list("pk", flat=True))).update(archived=True)


def connect(user_model):
    pre_delete.connect(
        archive_workshops_left_without_trainer,
        sender=user_model,
        dispatch_uid="workshops-archive-without-trainer",
    )
