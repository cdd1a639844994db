"""Pages and documents an editor makes private: Wagtail's password form and sign-in redirect
lead to addresses the site must answer."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return LessonPageFactory(title="Fidéliser ses clients")


def protect_with_password(lesson, password="Atelier-2026"):
    return PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def test_a_password_protected_page_opens_with_its_password(client, lesson):
    title = "<h1>Fidéliser ses clients</h1>"
    assert title in client.get(lesson.url).content.decode()
    restriction = protect_with_password(lesson)
    form = client.get(lesson.url)
    assert form.status_code == 200
    page_html = form.content.decode()
    action = f"/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/"
    assert f'action="{action}"' in page_html
    assert title not in page_html

    wrong = client.post(action, {"password": "nope", "return_url": lesson.url})
    assert wrong.status_code == 200 and title not in wrong.content.decode()

    right = client.post(action, {"password": "Atelier-2026", "return_url": lesson.url})
    assert right.status_code == 302 and right.url == lesson.url
    assert title in client.get(lesson.url).content.decode()


def test_the_password_form_is_the_sites_own_page(client, lesson):
    protect_with_password(lesson)
    html = client.get(lesson.url).content.decode()
    assert "css/site.css" in html and 'class="skip-link"' in html
    assert "Password required" not in html


def test_a_page_for_signed_in_readers_sends_to_the_sites_sign_in(client, lesson):
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response.url.startswith("/compte/connexion/?next=")
    assert client.get(response.url).status_code == 200


def test_wagtails_own_sign_in_address_leads_to_the_sites(client):
    response = client.get("/_util/login/?next=/cours/")
    assert response.status_code == 302
    assert response.url == "/compte/connexion/?next=/cours/"


def test_a_private_document_sends_to_the_sites_sign_in(
    client, django_user_model, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    collection = Collection.get_first_root_node().add_child(name="Réservé")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Programme",
        file=ContentFile(b"programme", name="programme.txt"),
        collection=collection,
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert response.url.startswith("/compte/connexion/?next=")
    assert client.get(response.url).status_code == 200
    client.force_login(django_user_model.objects.create_user(email="lea@test.fr", password="x"))
    assert client.get(document.url).status_code == 200
