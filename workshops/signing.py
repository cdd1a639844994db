"""PDFs signed electronically (PAdES, with pyHanko) in the training body's name, when the server
has its certificate: SIGNING_CERTIFICATE and SIGNING_KEY, paths to PEM files, and
SIGNING_KEY_PASSWORD if the key is encrypted (config/settings/base.py). Without them, documents
are printed unsigned, and the trainers' pages say so."""

from functools import lru_cache
from io import BytesIO

from django.conf import settings


def configured():
    return bool(settings.SIGNING_CERTIFICATE and settings.SIGNING_KEY)


@lru_cache(maxsize=4)
def _signer(certificate, key, password):
    from pyhanko.sign import signers  # imported here, as WeasyPrint: only a few requests sign

    signer = signers.SimpleSigner.load(
        key, certificate, key_passphrase=password.encode() if password else None
    )
    if signer is None:  # pyHanko logs why and returns nothing
        raise ValueError(f"Certificat de signature illisible : {certificate}, {key}")
    return signer


def signer():
    """The training body's signer, or None when no certificate is configured."""
    if not configured():
        return None
    return _signer(
        settings.SIGNING_CERTIFICATE, settings.SIGNING_KEY, settings.SIGNING_KEY_PASSWORD
    )


def signer_name():
    """Whom the certificate names (its subject), for the trainers' pages; None if unsigned."""
    current = signer()
    return current.signing_cert.subject.human_friendly if current else None


def sign(pdf, reason, location=""):
    """The PDF with a PAdES signature over all its bytes (a change to any byte breaks it), or
    the PDF as it is when no certificate is configured."""
    current = signer()
    if current is None:
        return pdf
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    out = signers.sign_pdf(
        IncrementalPdfFileWriter(BytesIO(pdf)),
        signers.PdfSignatureMetadata(
            field_name="Signature",
            reason=reason,
            location=location or None,
            subfilter=SigSeedSubFilter.PADES,
        ),
        signer=current,
    )
    return out.getvalue()
