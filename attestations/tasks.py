"""The workshop's documents printed by the task worker, never in a request: the ZIP of every
current attestation and certificate, and the group report. The trainer follows each on its job's
page and downloads it there."""

import multiprocessing
import os
import tempfile
import zipfile

from django.core.files import File
from django.db import connection, connections
from django.utils.translation import gettext as _

from jobs.background import JobFailed, job_task
from typography.names import ascii_slug, sort_key
from workshops.models import Workshop
from workshops.pdf import render_pdf

from . import report, services
from .models import Attestation

# From this many documents, they are printed in several processes, one per core: WeasyPrint
# holds the interpreter's lock, and a ZIP of 100 learners is 200 PDFs of about 0.1 s each.
PARALLEL_FROM = 20


def print_document(item):
    """One document's PDF, in a process of the pool: (attestation, "attestation" or
    "certificat")."""
    attestation, document = item
    return services.pdf(attestation, document)


def printed(documents):
    """Each document's PDF, in order."""
    processes = min(os.cpu_count() or 1, 4)
    if processes == 1 or len(documents) < PARALLEL_FROM or connection.in_atomic_block:
        yield from map(print_document, documents)  # (tasks run at once inside a transaction)
        return
    connections.close_all()  # the processes forked next open their own
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield from pool.imap(print_document, documents, chunksize=2)


@job_task
def documents_zip(job, workshop_id):
    """Each learner's attestation and certificate, in one ZIP."""
    workshop = Workshop.objects.get(pk=workshop_id)
    attestations = sorted(
        Attestation.objects.current().filter(workshop=workshop).select_related("user"),
        key=lambda attestation: sort_key(services.file_name(attestation)),
    )
    if not attestations:
        raise JobFailed(_("Aucune attestation délivrée dans cet atelier pour l'instant."))
    documents = [(a, document) for a in attestations for document in services.TEMPLATES]
    job.advance(0, total=len(documents))
    archive_file = tempfile.TemporaryFile()
    names = set()
    with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
        pdfs = printed(documents)
        for done, ((attestation, document), pdf) in enumerate(
            zip(documents, pdfs, strict=True), start=1
        ):
            name = services.file_name(attestation, document)
            if name in names:  # two learners with the same name
                name = name.replace(".pdf", f"-{attestation.pk}.pdf")
            names.add(name)
            archive.writestr(name, pdf)
            job.advance(done)
    archive_file.seek(0)
    return f"{ascii_slug(f'attestations {workshop.name}')}.zip", File(archive_file)


@job_task
def group_report(job, workshop_id):
    workshop = Workshop.objects.get(pk=workshop_id)
    job.advance(0, total=1)
    pdf = render_pdf("attestations/group_report.pdf.html", report.context(workshop))
    job.advance(1)
    return f"{ascii_slug(f'rapport {workshop.name}')}.pdf", pdf
