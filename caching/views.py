from wagtail.views import serve

from .routing import prepare_route


def serve_page(request, path):
    """Wagtail's page view, told the route when the content memo knows it."""
    prepare_route(request, path)
    return serve(request, path)
