"""Editors fill in the settings the README and the guide give them (Paramètres → Site public,
Organisme de formation, Chiffres clés): their groups have each setting's change permission (data
migrations home 0009, workshops 0009, figures 0005). A user of the admin without it is refused."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Site

from figures.models import FiguresSettings
from home.models import SiteSettings
from tests.factories import EditorFactory, ModeratorFactory, UserFactory
from tests.html_forms import form_data
from workshops.models import TrainingBody

pytestmark = pytest.mark.django_db

# The menu's label, the setting, a field's label on its form, and a change to save.
SETTINGS = [
    ("Site public", SiteSettings, "Directeur ou directrice de la publication",
     "publication_director", "Claire Martin"),
    ("Organisme de formation", TrainingBody, "Nom de l&#x27;organisme de formation",
     "name", "CCI Formation Loire"),
    ("Chiffres clés", FiguresSettings, "Lectures pour revoir en priorité",
     "priority_readings", "12"),
]  # fmt: skip


def edit_url(model, site=True):
    args = [model._meta.app_label, model._meta.model_name]
    if site:  # the site's own settings, or the one row of a setting for every site
        args.append(current(model).pk if model is not SiteSettings else default_site().pk)
    return reverse("wagtailsettings:edit", args=args)


def default_site():
    return Site.objects.get(is_default_site=True)


def current(model):
    if model is SiteSettings:
        return model.for_site(default_site())
    return model.load()


@pytest.mark.parametrize("group_factory", [EditorFactory, ModeratorFactory])
@pytest.mark.parametrize(("menu", "model", "label", "field", "value"), SETTINGS)
def test_editors_and_moderators_open_and_save_the_settings(
    client, group_factory, menu, model, label, field, value
):
    client.force_login(group_factory())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar's menu comes as JSON, its labels escaped: Paramètres → the setting.
    assert edit_url(model, site=False) in home and json.dumps(menu)[1:-1] in home
    page = client.get(edit_url(model))
    assert page.status_code == 200
    assert label in page.content.decode()
    data = form_data(page.content.decode())
    data[field] = [value]
    response = client.post(edit_url(model), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert str(getattr(current(model), field)) == value


@pytest.mark.parametrize(("menu", "model", "label", "field", "value"), SETTINGS)
def test_an_admin_user_without_the_permission_is_refused(client, menu, model, label, field, value):
    user = UserFactory(email="sans-droit@test.fr")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200  # a user of the admin
    assert edit_url(model, site=False) not in home.content.decode()  # no menu entry
    response = client.get(edit_url(model), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert label not in response.content.decode()
    assert "vous n&#x27;avez pas les autorisations pour accéder à cette zone" in (
        response.content.decode()
    )
    before = getattr(current(model), field)
    client.post(edit_url(model), {field: value})
    assert getattr(current(model), field) == before
