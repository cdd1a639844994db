"""The certificate says its proofs are kept three years from the end of the year of the last
payment (templates/attestations/certificate.pdf.html): the purge must never keep them for less.
A shorter CERTIFICATE_RETENTION_YEARS stops the site from starting (a system check error)."""

from django.conf import settings
from django.core import checks

# The period the certificate's own sentence states ("pendant une durée de trois ans").
STATED_YEARS = 3


@checks.register()
def retention_meets_the_certificate(app_configs, **kwargs):
    years = settings.CERTIFICATE_RETENTION_YEARS
    if years >= STATED_YEARS:
        return []
    return [
        checks.Error(
            f"CERTIFICATE_RETENTION_YEARS is {years}: the certificate states that its proofs "
            f"are kept {STATED_YEARS} years, so the purge would delete them too early.",
            hint=f"Set CERTIFICATE_RETENTION_YEARS to {STATED_YEARS} or more (default 3).",
            id="attestations.E001",
        )
    ]
