"""The training body's signature and stamp as Wagtail images, and a signing certificate made for
the tests (self-signed: its own trust root)."""

import io
from datetime import UTC, datetime, timedelta

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

# Sizes and colours no other picture of the documents has, so a test finds each in the PDF.
SIGNATURE_SIZE, SIGNATURE_COLOUR = (240, 90), (20, 40, 160)
STAMP_SIZE, STAMP_COLOUR = (150, 150), (190, 20, 30)


def picture(title, size, colour):
    content = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(content, "PNG")
    return Image.objects.create(
        title=title, file=ImageFile(content, name=f"{title.lower().replace(' ', '-')}.png")
    )


def sign_and_stamp(body):
    """The training body given its signature and stamp (as an editor does in Paramètres)."""
    body.signature = picture("Signature de Claire Martin", SIGNATURE_SIZE, SIGNATURE_COLOUR)
    body.stamp = picture("Cachet CCI", STAMP_SIZE, STAMP_COLOUR)
    body.save()
    return body


def make_certificate(folder, name="CCI Formation Loire", password=None):
    """A self-signed signing certificate and its key, as PEM files in `folder`: (cert, key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{name} — signature des attestations"),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "signing-cert.pem", folder / "signing-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    encryption = (
        serialization.BestAvailableEncryption(password.encode())
        if password
        else serialization.NoEncryption()
    )
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    return cert_path, key_path
