"""The workshop's documents printed by the task worker, never in a request: the ZIP of every
current attestation and certificate, and the group report. The trainer follows each on its job's
page and downloads it there."""

import tempfile
import zipfile

from django.core.files import File
from django.utils.text import slugify
from django.utils.translation import gettext as _

from jobs.background import JobFailed, job_task
from workshops.models import Workshop
from workshops.pdf import render_pdf

from . import report, services
from .models import Attestation


@job_task
def documents_zip(job, workshop_id):
    """Each learner's attestation and certificate, in one ZIP."""
    workshop = Workshop.objects.get(pk=workshop_id)
    attestations = list(Attestation.objects.current().filter(workshop=workshop))
    if not attestations:
        raise JobFailed(_("Aucune attestation délivrée dans cet atelier pour l'instant."))
    documents = [(a, document) for a in attestations for document in services.TEMPLATES]
    job.advance(0, total=len(documents))
    archive_file = tempfile.TemporaryFile()
    names = set()
    with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (attestation, document) in enumerate(documents, start=1):
            name = services.file_name(attestation, document)
            if name in names:  # two learners with the same name
                name = name.replace(".pdf", f"-{attestation.pk}.pdf")
            names.add(name)
            archive.writestr(name, services.pdf(attestation, document))
            job.advance(done)
    archive_file.seek(0)
    return f"{slugify(f'attestations {workshop.name}')}.zip", File(archive_file)


@job_task
def group_report(job, workshop_id):
    workshop = Workshop.objects.get(pk=workshop_id)
    job.advance(0, total=1)
    pdf = render_pdf("attestations/group_report.pdf.html", report.context(workshop))
    job.advance(1)
    return f"{slugify(f'rapport {workshop.name}')}.pdf", pdf
