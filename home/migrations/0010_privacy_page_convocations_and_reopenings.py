"""Existing sites: the privacy page, as the seed wrote it, now says that the convocations and the
entry test's reopenings stay after an account is deleted, and until when (home.seed). Only the
seed's own sentences are changed, in the live page and in its latest revision (what the editor
opens); an editor's own text is left alone."""

import json

from django.db import migrations

SLUG = "donnees-personnelles"
CHANGES = [
    (
        "passé ce délai, leur adresse de vérification indique seulement qu'ils ont existé.</li></ul>",
        "passé ce délai, leur adresse de vérification indique seulement qu'ils ont existé ;</li><li>les convocations et rappels envoyés pour l'atelier (votre nom, l'adresse e-mail à laquelle ils sont partis et leur date) sont gardés 3 ans après la fin de l'année du dernier paiement de la formation : ils prouvent que vous avez été informé du programme avant la formation.</li></ul>",
    ),
    (
        "pour que les résultats du groupe restent ceux de la formation.</p>",
        "pour que les résultats du groupe restent ceux de la formation ; si le formateur a rouvert votre test d'entrée, cette réouverture et son motif restent aussi, sans votre nom, jusqu'à la même date : elle dit laquelle de vos réponses compte.</p>",
    ),
]


def changed(body):
    """The body with the seed's sentences replaced, or None if none is there."""
    result, found = [], False
    for item in body:
        if item["type"] == "text" and isinstance(item["value"], str):
            value = item["value"]
            for old, new in CHANGES:
                if old in value:
                    value, found = value.replace(old, new), True
            item = {**item, "value": value}
        result.append(item)
    return result if found else None


def rewrite(apps, schema_editor):
    StandardPage = apps.get_model("home", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in StandardPage.objects.filter(slug=SLUG):
        old_body = list(page.body.raw_data)
        new_body = changed(old_body)
        if new_body is None:
            continue
        page.body = new_body
        page.save(update_fields=["body"])
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        if revision is not None:
            stored = revision.content.get("body")
            as_list = json.loads(stored) if isinstance(stored, str) else stored
            if as_list == old_body:
                revision.content["body"] = json.dumps(new_body)
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("home", "0009_editors_change_site_settings")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
