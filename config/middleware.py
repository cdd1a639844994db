"""Site-wide HTTP hardening that settings alone cannot express."""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.core.exceptions import BadRequest


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, except the Wagtail admin, whose editor needs inline
    scripts and styles (date pickers, Draftail). No one may frame a response (DENY, the default),
    except the site itself for what the admin's preview panel shows: a response marked
    SAMEORIGIN, and a preview. Wagtail renders a preview through the whole middleware chain on
    a request of its own, marked `is_preview`, then marks the outer response SAMEORIGIN: the
    policy set on the inner one is the one the browser reads."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        same_origin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        previewed = getattr(request, "is_preview", False)
        replace["frame-ancestors"] = [SELF] if same_origin or previewed else [NONE]
        if request.path.startswith("/admin/"):
            replace.update(
                {
                    "script-src": [SELF, UNSAFE_INLINE],
                    "style-src": [SELF, UNSAFE_INLINE],
                    "img-src": [SELF, "data:", "blob:"],
                }
            )
        parts.replace = replace
        return parts


class PermissionsPolicyMiddleware:
    """The site needs no camera, microphone, location or payment: say so."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class RejectNulMiddleware:
    """A NUL character has no place in an address: PostgreSQL refuses it in any text (the query
    would fail, and the visitor get the 503 page), SQLite's full-text search stumbles on it.
    Such a request gets the French 400 page before any view reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the address")
        return self.get_response(request)
