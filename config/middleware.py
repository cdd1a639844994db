"""Site-wide HTTP hardening that settings alone cannot express."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, except the Wagtail admin, whose editor needs inline
    scripts and styles (date pickers, Draftail)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith("/admin/"):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
            }
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
