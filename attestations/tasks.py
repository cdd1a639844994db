"""The workshop's documents made by the task worker, never in a request: the attestations' and
certificates' PDFs, printed once just after they are issued and kept (services.keep); the ZIP
of every current one (printing any not printed yet); and the group report. The trainer follows
each on its job's page."""

import multiprocessing
import os
import tempfile
import zipfile

import django
from django.core.files import File
from django.db import connection
from django.utils.translation import gettext as _

from jobs.background import JobFailed, job_task
from typography.names import ascii_slug, sort_key
from workshops.models import Workshop
from workshops.pdf import render_pdf

from . import report, services
from .models import Attestation, SelfStudyAttestation

# From this many documents, they are printed in several processes, one per core: WeasyPrint
# holds the interpreter's lock, and 100 learners are 200 PDFs of about 0.1 s each.
PARALLEL_FROM = 20
PRINT_TIMEOUT = 120  # seconds for one document, however loaded the machine (0.1 s unloaded)
_printing = None  # in each process of the pool: the training body's images, read once


def print_document(item):
    """One document's PDF, rendered and signed: (attestation, kind)."""
    global _printing
    _printing = _printing or services.Printing()
    attestation, kind = item
    return _printing.render(attestation, kind)


def printed(documents):
    """Each document's PDF, in order. A document taking longer than PRINT_TIMEOUT fails the job
    (its French message says to try again) rather than holding the worker forever."""
    global _printing
    _printing = None
    processes = min(os.cpu_count() or 1, 4)
    if processes == 1 or len(documents) < PARALLEL_FROM or connection.in_atomic_block:
        yield from map(print_document, documents)  # (tasks run at once inside a transaction)
        return
    # Spawned, not forked: a fork copies the worker's threads' locks and its fonts' state, and
    # a copy can hang on them. Each process sets Django up before it reads its first document.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=django.setup) as pool:
        results = pool.imap(print_document, documents)  # one at a time: next() takes a timeout
        for _document in documents:
            yield results.next(timeout=PRINT_TIMEOUT)


def current_attestations(workshop):
    return sorted(
        Attestation.objects.current()
        .filter(workshop=workshop)
        .select_related("user")
        .prefetch_related("documents"),
        key=lambda attestation: sort_key(services.file_name(attestation)),
    )


def print_missing(job, missing):
    """Print and keep each of `missing` (services.missing_documents), advancing the job."""
    for done, ((attestation, kind), pdf) in enumerate(
        zip(missing, printed(missing), strict=True), start=1
    ):
        services.keep(attestation, kind, pdf)
        job.advance(done)


@job_task
def print_documents(job, workshop_id):
    """The documents of the attestations just issued, printed and kept."""
    missing = services.missing_documents(current_attestations(Workshop.objects.get(pk=workshop_id)))
    job.advance(0, total=len(missing))
    print_missing(job, missing)


@job_task
def documents_zip(job, workshop_id):
    """Each learner's attestation and certificate, as issued, in one ZIP (in alphabetical
    order); any not printed yet is printed and kept first."""
    workshop = Workshop.objects.get(pk=workshop_id)
    attestations = current_attestations(workshop)
    if not attestations:
        raise JobFailed(_("Aucune attestation délivrée dans cet atelier pour l'instant."))
    missing = services.missing_documents(attestations)
    job.advance(0, total=len(missing) + len(attestations) * len(services.TEMPLATES))
    print_missing(job, missing)
    attestations = current_attestations(workshop)  # with the documents just kept
    documents = [(a, kind) for a in attestations for kind in services.TEMPLATES]
    archive_file = tempfile.TemporaryFile()
    names = set()
    with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (attestation, kind) in enumerate(documents, start=len(missing) + 1):
            name = services.file_name(attestation, kind)
            if name in names:  # two learners with the same name
                name = name.replace(".pdf", f"-{attestation.pk}.pdf")
            names.add(name)
            archive.writestr(name, services.pdf(attestation, kind))
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


@job_task
def print_self_study(job, attestation_id):
    """A learner's attestation de suivi, printed and kept just after it is issued."""
    job.advance(0, total=1)
    services.keep_self_study(SelfStudyAttestation.objects.get(pk=attestation_id))
    job.advance(1)
