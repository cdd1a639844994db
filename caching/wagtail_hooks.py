from wagtail import hooks

from .pagecache import mark_page


@hooks.register("before_serve_page")
def mark_cacheable_page(page, request, serve_args, serve_kwargs):
    mark_page(request)
