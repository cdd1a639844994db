"""Admin-only JSON: a lesson's sections, for the quiz editor's section menu."""

from django.http import Http404, JsonResponse

from .models import LessonPage


def lesson_sections(request):
    """?lecon=<page id> → {"sections": [{"anchor", "text"}]}: the lesson's headings in reading
    order, read as the question block's validation reads them (table_of_contents). Registered
    under /admin/, so only people who may use the admin get an answer."""
    pk = request.GET.get("lecon", "")
    lesson = LessonPage.objects.filter(pk=pk).first() if pk.isdigit() else None
    if lesson is None:
        raise Http404
    sections = [{"anchor": anchor, "text": text} for anchor, text in lesson.table_of_contents()]
    return JsonResponse({"sections": sections})
