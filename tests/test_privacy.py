"""Personal data has an owner: every model that points at a user (ours and the frameworks') is in
the register (privacy.registry)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from privacy import registry

# They name a user without a relation to the account: a sign-in record keeps the address typed,
# a session the account's id inside its data.
NAME_A_USER_WITHOUT_A_RELATION = [
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "sessions.Session",
]
# The learner's export as it has always been (its content must not change without a reason).
EXPORT_KEYS = {
    "compte",
    "lecons_lues",
    "tentatives",
    "seances_en_direct",
    "emargement",
    "attestations",
    "ateliers",
}


def user_relations(model):
    """The fields of `model` itself (not of a parent table) that point at the user model."""
    user_model = get_user_model()
    return [
        field
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if field.is_relation and field.related_model is user_model
    ]


def unregistered(all_models):
    """The models that hold something about a user and are in no register."""
    pointing = [
        model
        for model in all_models
        if model is get_user_model()
        or model._meta.label in NAME_A_USER_WITHOUT_A_RELATION
        or user_relations(model)
    ]
    return sorted(model._meta.label for model in pointing if not registry.entry_for(model))


def test_every_model_that_points_at_a_user_is_registered():
    missing = unregistered(apps.get_models())
    assert not missing, "Point at a user, in no register:\n" + "\n".join(missing)
    for label in NAME_A_USER_WITHOUT_A_RELATION:
        assert registry.entry_for(apps.get_model(label)), label


@isolate_apps("tests")
def test_a_new_model_pointing_at_a_user_fails_until_it_is_registered():
    class Throwaway(models.Model):  # noqa: DJ008
        user = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)

        class Meta:
            app_label = "tests"

    assert unregistered([*apps.get_models(), Throwaway]) == ["tests.Throwaway"]
