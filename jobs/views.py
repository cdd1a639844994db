"""The page that follows a job for the person who started it: its progress (read again by
job.js, or by the page refreshing itself without JavaScript), its file once ready, its failure
with a way to try again. Nobody else sees that a job exists."""

from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import background
from .models import Job


def own_job(request, pk):
    job = get_object_or_404(Job, pk=pk, owner=request.user)
    if job.status == Job.Status.RUNNING and background.abandoned().filter(pk=job.pk).exists():
        background.recover([job])  # its worker stopped: someone is waiting, queue it again
        job.refresh_from_db()
    return job


def file_name(job):
    return PurePosixPath(job.file.name).name


@never_cache
@login_required
def detail(request, pk):
    job = own_job(request, pk)
    return render(request, "jobs/detail.html", {"job": job, "file_name": file_name(job)})


@never_cache
@login_required
def state(request, pk):
    job = own_job(request, pk)
    html = render_to_string(
        "jobs/status.html", {"job": job, "file_name": file_name(job)}, request=request
    )
    return JsonResponse({"status": job.status, "finished": job.is_finished, "html": html})


@never_cache
@login_required
def download(request, pk):
    job = own_job(request, pk)
    if job.status != Job.Status.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=file_name(job))


@login_required
@require_POST
def retry(request, pk):
    return redirect(background.retry(own_job(request, pk)))
