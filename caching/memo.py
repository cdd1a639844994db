"""What each process remembers of the published content (page addresses, navigation links, live
quizzes): no query to read it again, and dropped as soon as the content generation changes."""

from .generation import request_generation

_memo = {"generation": None, "values": {}}


def content_memo(request):
    """A dict of values derived only from published content, for this process, valid for the
    request's content generation."""
    current = request_generation(request)
    if _memo["generation"] != current:
        _memo["generation"], _memo["values"] = current, {}
    return _memo["values"]
