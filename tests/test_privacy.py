"""Personal data has an owner: every model that points at a user (ours and the frameworks') is in
the register (privacy.registry), with a fate on account deletion that its relations really give;
the learner's export has a section for each exporter, and the daily purge a line for each
expiry."""

import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test.utils import isolate_apps
from django.urls import reverse

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
    "position_de_lecture",  # where the learner stopped reading (issue 27: "Reprendre")
    "tentatives",
    "seances_en_direct",
    "emargement",
    "attestations",
    "ateliers",
    "reouvertures_du_test_d_entree",  # the trainer's reopenings of the learner's entry test
    "demandes_d_inscription",
    "convocations",
    "satisfaction",
    "attestations_de_suivi",
    "revisions",
    "rappels_de_revision",
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


def test_each_fate_on_account_deletion_is_what_the_relations_do():
    """Deleted: a relation that cascades (or rows found by `forget_by`). Kept, unlinked or
    expiring: no relation cascades; kept rows expire, or go with what they belong to."""
    expiring = {entry.model for entry in registry.entries() if entry.expiry}
    for entry in registry.entries():
        model, fate = entry.model, entry.on_account_deletion
        relations = user_relations(model)
        cascading = [
            field
            for field in relations
            if not field.many_to_many and field.remote_field.on_delete is models.CASCADE
        ]
        if fate == registry.DELETED:
            assert cascading or entry.forget_by or model is get_user_model(), model
        elif fate == registry.PSEUDONYMISED:
            # The rest goes with the account: what stays is set aside first (`keep`).
            assert cascading, model
        else:
            assert not cascading, (model, fate, cascading)
        if fate in (registry.KEPT, registry.PSEUDONYMISED):
            parents = [
                field.related_model
                for field in model._meta.local_fields
                if field.many_to_one and field.remote_field.on_delete is models.CASCADE
            ]
            assert entry.expiry or expiring.intersection(parents), model
        if fate == registry.EXPIRES:
            assert entry.expiry and not relations, model


@pytest.mark.django_db
def test_the_export_has_a_section_for_each_registered_exporter(client, django_user_model):
    user = django_user_model.objects.create_user(email="lea@test.fr", password="x")
    client.force_login(user)
    data = json.loads(client.get(reverse("accounts:my_data_download")).content)
    exporters = [entry.export.key for entry in registry.entries() if entry.export]
    assert len(exporters) == len(set(exporters))
    assert list(data) == exporters
    assert set(data) == EXPORT_KEYS
    assert data["compte"]["email"] == "lea@test.fr"


@pytest.mark.django_db
def test_the_daily_purge_reports_each_registered_expiry():
    out = io.StringIO()
    call_command("purge_expired_data", stdout=out)
    labels = {entry.expiry.label for entry in registry.entries() if entry.expiry}
    assert labels == {
        "sign-ups never activated",
        "sign-in records",
        "expired sessions",
        "anonymous quiz attempts",
        "live guests",
        "attendance sheets",
        "attestations",
        "workshop results of deleted accounts",
        "background jobs",
        "finished tasks",
        "expired invitations",
        "convocations",
        "anonymous review answers",
        "satisfaction summaries",
    }
    for label in labels:
        assert f" {label} deleted." in out.getvalue()
