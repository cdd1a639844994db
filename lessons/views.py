"""A reader reaching a section or the end of a lesson; and, admin-only, a lesson's sections as
JSON for the quiz editor's section menu."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import LessonPage
from .reading import mark_read, reach_section


@never_cache
@require_http_methods(["GET", "POST"])
def lesson_read(request, pk):
    """The reader reached the end of this lesson (POST, from the lesson page's script). The
    lesson page is the same for every visitor (cached, with no CSRF token in it), so the script
    first asks here for a token (GET)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    if request.method == "POST":
        mark_read(request, lesson.pk)
        return HttpResponse(status=204)
    return JsonResponse({"csrf_token": get_token(request)})


@never_cache
@require_http_methods(["POST"])
def lesson_position(request, pk):
    """The reader reached this section of the lesson (POST section=<anchor>, from the lesson
    page's script, with the token lesson_read gives): the reading position moves there."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    anchor = request.POST.get("section", "")
    if anchor not in dict(lesson.table_of_contents()):
        return HttpResponseBadRequest("Section inconnue.")
    reach_section(request, lesson, anchor)
    return HttpResponse(status=204)


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
