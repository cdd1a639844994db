"""The attestation and the certificate as documents: the training body's signature and stamp
printed on both (never an empty box), its numbers checked, each PDF kept as it was issued with
its SHA-256 digest shown on the verification page (and its QR code on the PDF), and signed
electronically (PAdES) when the server has the training body's certificate. PDFs read back with
pypdf; signatures validated with pyHanko."""

import hashlib
import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
import segno
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from attestations.models import Attestation, Document
from tests.document_helpers import (
    SIGNATURE_COLOUR,
    SIGNATURE_SIZE,
    STAMP_COLOUR,
    STAMP_SIZE,
    make_certificate,
    picture,
    sign_and_stamp,
)
from tests.test_attestations import follow_job
from tests.workshop_helpers import held_session, make_workshop
from workshops.models import TrainingBody

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 23)


def flat(text):
    """Text with plain spaces and apostrophes (the site typesets them), entities decoded."""
    text = text.replace("&#x27;", "'").replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.split())


@pytest.fixture
def body():
    body = TrainingBody.load()
    body.name = "CCI Formation Loire"
    body.address = "12 rue des Arts\n42000 Saint-Étienne"
    body.declaration_number = "84420000042"
    body.signatory = "Claire Martin, directrice"
    body.city = "Saint-Étienne"
    body.save()
    return body


@pytest.fixture
def workshop(people, body):
    """A one-day workshop of 7 hours; Léa signed its morning, which the trainer countersigned."""
    workshop, _entry = make_workshop(people["trainer"], [people["learner"]])
    workshop.name = "Réseaux sociaux pour artisans"
    workshop.starts_on = workshop.ends_on = DAY
    workshop.duration_hours = Decimal("7")
    workshop.save()
    held_session(workshop, people["trainer"], [people["learner"]], DAY)
    return workshop


def issue(client, trainer, workshop):
    client.force_login(trainer)
    response = client.post(reverse("attestations:issue", args=[workshop.pk]), follow=True)
    return response, Attestation.objects.current().filter(workshop=workshop).first()


def download(client, attestation, kind):
    response = client.get(attestation.get_download_url(kind))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def images_of(pdf):
    """Every picture of the PDF's last page (the signature block's), as Pillow images."""
    return [image.image for image in PdfReader(io.BytesIO(pdf)).pages[-1].images]


def shows(images, size, colour):
    return any(
        image.size == size and image.convert("RGB").getpixel((size[0] // 2, size[1] // 2)) == colour
        for image in images
    )


def qr_code_of(images):
    """The URL a square picture of the page encodes, compared module by module with the QR code
    of each candidate (segno's own encoding: one pixel per module, dark is 0)."""
    return [image for image in images if image.size[0] == image.size[1] and image.size[0] < 100]


def encodes(image, url):
    matrix = segno.make(url, error="m").matrix
    if image.size != (len(matrix), len(matrix)):
        return False
    grey = image.convert("L")
    return all(
        (grey.getpixel((x, y)) < 128) == bool(matrix[y][x])
        for y in range(len(matrix))
        for x in range(len(matrix))
    )


# The training body's signature and stamp.


def test_both_documents_carry_the_signature_the_stamp_and_the_verification_qr_code(
    client, people, workshop, body
):
    sign_and_stamp(body)
    _response, attestation = issue(client, people["trainer"], workshop)
    verify_url = "https://atelier-reseaux.test" + attestation.get_verify_url()
    for kind in ("attestation", "certificat"):
        pdf = download(client, attestation, kind)
        images = images_of(pdf)
        assert shows(images, SIGNATURE_SIZE, SIGNATURE_COLOUR), kind
        assert shows(images, STAMP_SIZE, STAMP_COLOUR), kind
        assert any(encodes(image, verify_url) for image in qr_code_of(images)), kind
        text = flat(PdfReader(io.BytesIO(pdf)).pages[-1].extract_text())
        assert "Claire Martin, directrice" in text and verify_url in text


def test_no_document_is_issued_with_an_empty_signature_and_stamp_box(
    client, people, workshop, body
):
    response, attestation = issue(client, people["trainer"], workshop)
    page = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert attestation is None and not Document.objects.exists()
    assert "Avant de délivrer les attestations, renseignez" in page
    assert "l’image de la signature du signataire" in page
    assert "l’image du cachet de l’organisme" in page
    assert "Paramètres → Organisme de formation" in page
    # The signature alone is not enough: the stamp too.
    body.signature = picture("Signature", SIGNATURE_SIZE, SIGNATURE_COLOUR)
    body.save()
    response, attestation = issue(client, people["trainer"], workshop)
    page = response.content.decode().replace("&#x27;", "'")
    assert attestation is None and "l’image du cachet de l’organisme" in page
    assert "l’image de la signature du signataire" not in page
    body.stamp = picture("Cachet", STAMP_SIZE, STAMP_COLOUR)
    body.save()
    _response, attestation = issue(client, people["trainer"], workshop)
    assert attestation is not None and attestation.documents.count() == 2


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "signatory",
            "le nom et la qualité du signataire, représentant de l’organisme, qui signe le "
            "certificat de réalisation (Paramètres → Organisme de formation, champ "
            "« Signataire », dans l’administration)",
        ),
        (
            "city",
            "la ville où les documents sont signés, pour « Fait à » (Paramètres → Organisme "
            "de formation, champ « Lieu de signature », dans l’administration)",
        ),
    ],
)
def test_no_certificate_without_the_named_signatory_and_the_place_of_signing(
    client, people, workshop, body, field, message
):
    """The ministry's model: the provider's representative signs, "Fait à" a place."""
    sign_and_stamp(body)
    setattr(body, field, "  ")
    body.save()
    response, attestation = issue(client, people["trainer"], workshop)
    page = " ".join(response.content.decode().replace("&#x27;", "'").replace("\u00a0", " ").split())
    assert attestation is None and not Document.objects.exists()
    assert "Avant de délivrer les attestations, renseignez" in page
    assert message in page
    setattr(body, field, "Claire Martin, directrice" if field == "signatory" else "Lyon")
    body.save()
    _response, attestation = issue(client, people["trainer"], workshop)
    assert attestation is not None and attestation.documents.count() == 2


# The training body's settings in the admin.


def settings_form(**fields):
    return {
        "name": "CCI Formation Loire",
        "address": "12 rue des Arts",
        "declaration_number": "84420000042",
        "siret": "",
        "signatory": "Claire Martin",
        "city": "Saint-Étienne",
        "signature": "",
        "stamp": "",
        **fields,
    }


@pytest.mark.parametrize(
    ("siret", "declaration", "error"),
    [
        ("7328293200007", "84420000042", "Le SIRET compte 14 chiffres"),
        ("73282932000075", "84420000042", "Ce SIRET n&#x27;existe pas"),
        ("35600000012345", "84420000042", "Ce SIRET n&#x27;existe pas"),  # La Poste's, wrong
        ("73282932000074", "8442000004", "compte 11 chiffres"),
        ("73282932000074", "8442000004A", "compte 11 chiffres"),
    ],
)
def test_the_admin_refuses_a_wrong_siret_or_declaration_number_in_french(
    client, people, body, siret, declaration, error
):
    client.force_login(people["editor"])
    url = reverse("wagtailsettings:edit", args=["workshops", "trainingbody", body.pk])
    response = client.post(url, settings_form(siret=siret, declaration_number=declaration))
    assert response.status_code == 200 and error in response.content.decode()
    body.refresh_from_db()
    assert body.siret == "" and body.declaration_number == "84420000042"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("732 829 320 00074", "73282932000074"),
        ("35600000000048", "35600000000048"),  # La Poste's head office: Luhn's check holds
        ("356 000 000 49837", "35600000049837"),  # a post office: La Poste's own rule
    ],
)
def test_an_editor_reaches_the_settings_and_saves_a_valid_siret(client, people, body, typed, kept):
    client.force_login(people["editor"])  # an editor of the group Editors, not a superuser
    url = reverse("wagtailsettings:edit", args=["workshops", "trainingbody", body.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Signature du signataire" in page.content.decode()
    assert "Cachet de l&#x27;organisme" in page.content.decode()
    response = client.post(url, settings_form(siret=typed, declaration_number="84 42 00000 42"))
    assert response.status_code == 302, response.content.decode()[-3000:]
    body.refresh_from_db()
    assert (body.siret, body.declaration_number) == (kept, "84420000042")


def test_trainers_cannot_reach_the_training_body_s_settings(client, people):
    client.force_login(people["trainer"])
    url = reverse("wagtailsettings:edit", args=["workshops", "trainingbody"])
    assert client.get(url).status_code in (302, 403)


# Each document kept as issued, and its verification page.


def test_downloads_the_zip_and_the_verification_page_give_the_documents_as_issued(
    client, people, workshop, body
):
    sign_and_stamp(body)
    _response, attestation = issue(client, people["trainer"], workshop)
    issued = {kind: download(client, attestation, kind) for kind in ("attestation", "certificat")}
    digests = {kind: hashlib.sha256(pdf).hexdigest() for kind, pdf in issued.items()}
    assert digests["attestation"] != digests["certificat"]
    # Later, the training body changes its stamp: what was issued stays as it was.
    body.stamp = picture("Nouveau cachet", (120, 120), (0, 120, 0))
    body.save()
    for kind, pdf in issued.items():
        assert download(client, attestation, kind) == pdf

    client.logout()
    page = client.get(attestation.get_verify_url()).content.decode()
    text = flat(page)
    for expected in [
        "Cette attestation est authentique",
        "Léa Roux",
        "Réseaux sociaux pour artisans",
        "le 23 novembre 2026",
        "3,5 heures",
        "présence à 1 séance sur 1",
        "sans résultats d'évaluation",
        timezone.localtime(attestation.issued_at).strftime("%-d") + " ",  # a day of Paris
        digests["attestation"],
        digests["certificat"],
    ]:
        assert expected in text, expected

    # A received copy is compared by its digest; a copy changed by one byte does not verify.
    original = client.post(
        attestation.get_verify_url(),
        {"document": SimpleUploadedFile("a.pdf", issued["certificat"], "application/pdf")},
    ).content.decode()
    assert "Le fichier déposé est identique au document délivré" in flat(original)
    changed = bytearray(issued["certificat"])
    changed[len(changed) // 2] ^= 0x01
    forged = client.post(
        attestation.get_verify_url(),
        {"document": SimpleUploadedFile("a.pdf", bytes(changed), "application/pdf")},
    ).content.decode()
    assert "n'est pas un document délivré avec cette attestation" in flat(forged)
    assert hashlib.sha256(changed).hexdigest() in forged

    # The ZIP holds the same bytes, printed by nobody again.
    client.force_login(people["trainer"])
    _page, content = follow_job(
        client, client.post(reverse("attestations:prepare_documents", args=[workshop.pk]))
    )
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.read("Roux Léa - attestation.pdf") == issued["attestation"]
    assert archive.read("Roux Léa - certificat.pdf") == issued["certificat"]


def test_a_document_s_file_goes_with_its_purged_attestation(
    client, people, workshop, body, django_capture_on_commit_callbacks
):
    sign_and_stamp(body)
    _response, attestation = issue(client, people["trainer"], workshop)
    files = [document.file for document in attestation.documents.all()]
    storage = files[0].storage
    assert all(storage.exists(file.name) for file in files)
    with django_capture_on_commit_callbacks(execute=True):
        attestation.delete()
    assert not any(storage.exists(file.name) for file in files)


# Electronic signature (PAdES).


@pytest.fixture
def certificate(tmp_path, settings):
    cert, key = make_certificate(tmp_path, password="mot-de-passe-de-test")
    settings.SIGNING_CERTIFICATE, settings.SIGNING_KEY = str(cert), str(key)
    settings.SIGNING_KEY_PASSWORD = "mot-de-passe-de-test"
    return cert


def validation(pdf, certificate):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(certificate))])
    return validate_pdf_signature(signatures[0], context)


def one_byte_changed_in_the_page(pdf):
    """The PDF with one byte of its first page's content stream changed (the signed bytes)."""
    changed = bytearray(pdf)
    start = pdf.index(b"stream", pdf.index(b"/Contents")) + len(b"stream\n") + 20
    changed[start] ^= 0x01
    return bytes(changed)


def test_both_documents_are_signed_electronically_and_a_changed_byte_breaks_the_signature(
    client, people, workshop, body, certificate
):
    sign_and_stamp(body)
    _response, attestation = issue(client, people["trainer"], workshop)
    for kind in ("attestation", "certificat"):
        pdf = download(client, attestation, kind)
        status = validation(pdf, certificate)
        assert status.intact and status.valid and status.trusted and status.bottom_line, kind
        assert "CCI Formation Loire" in status.signing_cert.subject.human_friendly
        broken = validation(one_byte_changed_in_the_page(pdf), certificate)
        assert not broken.intact and not broken.bottom_line, kind
    assert all(document.signed for document in attestation.documents.all())
    page = client.get(reverse("attestations:workshop", args=[workshop.pk])).content.decode()
    assert "sont signés électroniquement (PAdES) au nom de" in page
    verify = client.get(attestation.get_verify_url()).content.decode()
    assert "signé électroniquement" in verify


def test_without_a_certificate_documents_are_unsigned_and_the_page_says_so(
    client, people, workshop, body
):
    sign_and_stamp(body)
    _response, attestation = issue(client, people["trainer"], workshop)
    from pyhanko.pdf_utils.reader import PdfFileReader

    pdf = download(client, attestation, "attestation")
    assert not PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert not any(document.signed for document in attestation.documents.all())
    page = client.get(reverse("attestations:workshop", args=[workshop.pk])).content.decode()
    assert "ne sont pas signés électroniquement" in page
