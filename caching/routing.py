"""Wagtail's page serving, with a memory of where each address leads.

Wagtail finds a page by walking the tree from the site's root, two queries per level, then
reads the view restrictions of the page and its ancestors. All of that changes only when
content is published, unpublished, moved or deleted, or a restriction changes, and each of
those changes the content generation (see generation). So the first request for an address does
the walk, and the next ones in this process start from what it found: the site, and the live
page with its view restrictions already read. Wagtail's serve view still does the serving
itself: its hooks check the restrictions against each request (groups, login, password).
"""

import copy

from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .internals import give_wagtail_the_route
from .memo import content_memo


class RememberedRestrictionsMixin:
    """Page types whose view restrictions, once read, stay with the page object: a page kept in
    the content memo then serves without reading them again. Anything else (the admin's privacy
    views order or filter them) asks the database as usual."""

    def get_view_restrictions(self):
        restrictions = self.__dict__.get("_view_restrictions")
        return super().get_view_restrictions() if restrictions is None else restrictions

    def remember_view_restrictions(self):
        self._view_restrictions = super().get_view_restrictions()
        list(self._view_restrictions)  # evaluated now; iterating it again asks nothing


def prepare_route(request, path):
    """Give Wagtail the site and route for this address, from the memo when it knows them."""
    memo = content_memo(request)
    key = ("route", request.get_host(), path)
    known = memo.get(key)
    if known is None:
        route = Page.route_for_request(request, path)  # kept on the request for Wagtail's view
        page = getattr(route, "page", None)
        if isinstance(page, RememberedRestrictionsMixin) and not route.args and not route.kwargs:
            page.remember_view_restrictions()
            # Copies, taken before serving: nothing a request does to them is remembered.
            memo[key] = (copy.copy(Site.find_for_request(request)), copy.copy(page))
    else:
        site, page = known
        give_wagtail_the_route(request, copy.copy(site), RouteResult(copy.copy(page)))
