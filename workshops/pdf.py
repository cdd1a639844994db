"""Workshop documents as PDF (attendance sheets, attestations, certificates, the group report):
Django templates rendered by WeasyPrint. A4, fonts embedded (WeasyPrint embeds the subset it
uses), tagged for accessibility (PDF/UA: title, language, headings)."""

from django.http import HttpResponse
from django.template.loader import render_to_string

from typography.french import typeset
from typography.names import ascii_slug


def render_pdf(template, context, request=None):
    # Imported here: WeasyPrint costs every web worker time and memory at start-up, and only
    # a few requests print.
    from weasyprint import HTML

    html = typeset(render_to_string(template, context, request=request))  # as on the site
    return HTML(string=html, base_url="/").write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(pdf, name, inline=False):
    """name: without extension; made safe for a file name."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{ascii_slug(name)}.pdf"'
    return response
