from .generation import request_generation


def content_version(request):
    """The site's content generation, for template fragment caches that must follow publishing.
    A callable, so that the generation is read only by templates that use it."""
    return {"content_version": lambda: request_generation(request)}
