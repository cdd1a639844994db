"""The yearly report (bilan pédagogique et financier) for staff: trainers, and those given the
permission reporting.view_yearly_report. A page per year, its CSV for a French spreadsheet and
its PDF."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from workshops.export import csv_response
from workshops.models import TrainingBody
from workshops.pdf import pdf_response, render_pdf
from workshops.roles import is_trainer

from .models import can_see_yearly_report
from .yearly import Refused, csv_lines, valid_year, yearly_report


def report_viewer_required(view):
    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_see_yearly_report(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@report_viewer_required
def choose_year(request):
    """?annee=… from the page's form: the report of that year; by default, last year's (the
    report is filed for the year that ended)."""
    asked = request.GET.get("annee")
    if asked is None:
        return redirect("reporting:yearly_report", timezone.localdate().year - 1)
    try:
        year = valid_year(asked)
    except Refused as refusal:
        return render_report(request, None, error=str(refusal))
    return redirect("reporting:yearly_report", year)


def render_report(request, year, error=None):
    report = yearly_report(year) if year is not None else None
    this_year = timezone.localdate().year
    return render(
        request,
        "reporting/yearly_report.html",
        {
            "report": report,
            "year": year,
            "error": error,
            "this_year": this_year,
            "is_trainer": is_trainer(request.user),
        },
        status=400 if error else 200,
    )


@report_viewer_required
def report_page(request, year):
    try:
        year = valid_year(year)
    except Refused as refusal:
        return render_report(request, None, error=str(refusal))
    return render_report(request, year)


def report_or_refusal(request, year):
    """(the year's report, None), or (None, the response that says why there is no file): a
    year it cannot be made for, or without any workshop. Never an empty file."""
    try:
        year = valid_year(year)
    except Refused as refusal:
        return None, render_report(request, None, error=str(refusal))
    report = yearly_report(year)
    if report.is_empty:  # its page says so
        return None, redirect("reporting:yearly_report", year)
    return report, None


@report_viewer_required
def report_csv(request, year):
    report, refusal = report_or_refusal(request, year)
    if refusal:
        return refusal
    return csv_response(csv_lines(report), f"bilan-pedagogique-et-financier-{report.year}.csv")


@report_viewer_required
def report_pdf(request, year):
    report, refusal = report_or_refusal(request, year)
    if refusal:
        return refusal
    pdf = render_pdf(
        "reporting/yearly_report.pdf.html", {"report": report, "body": TrainingBody.load()}
    )
    return pdf_response(pdf, f"bilan-pedagogique-et-financier-{report.year}")
