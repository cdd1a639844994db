from . import pagecache


def content_version(request):
    """The site's content version, for template fragment caches that must follow publishing.
    A callable, so that the cache is asked only by templates that use it."""
    return {"content_version": lambda: pagecache.request_generation(request)}
