"""The site's public address, for every absolute address it gives out: canonical links, Open
Graph, the sitemap, robots.txt, and later e-mails and PDFs' verification addresses.

It is the default Wagtail Site's scheme and host, which settings.SITE_URL sets at each `migrate`
(and `build_content` when it creates the site): never the Host header of a request, which the
client chooses. Wagtail's own full URLs (the sitemap's pages) come from the same Site.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .memo import content_memo


def configured_site_fields():
    """The hostname and port of a Wagtail Site at settings.SITE_URL. A Site says https for port
    443 and http for any other, at the root of the host."""
    address = urlsplit(settings.SITE_URL)
    port = address.port or {"http": 80, "https": 443}.get(address.scheme)
    if (
        not address.hostname
        or port is None
        or (address.scheme == "https") != (port == 443)
        or address.path not in ("", "/")
    ):
        raise ImproperlyConfigured(
            f"SITE_URL={settings.SITE_URL!r}: give the site's root, as https://host (port 443) "
            "or http://host[:port] (any other port)."
        )
    return {"hostname": address.hostname, "port": port}


@checks.register(checks.Tags.security, deploy=True)
def check_public_address(app_configs, **kwargs):
    """`check --deploy`: production gives search engines and e-mails its https address."""
    try:
        configured_site_fields()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="caching.E001")]
    if not settings.SITE_URL.startswith("https://"):
        return [
            checks.Warning(
                f"SITE_URL={settings.SITE_URL!r}: set it to the site's public https:// address.",
                id="caching.W001",
            )
        ]
    return []


def apply_to_default_site(using="default", **kwargs):
    """Give the default Wagtail Site the configured address (after each `migrate`)."""
    from wagtail.models import Site

    fields = configured_site_fields()
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None and any(getattr(site, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(site, name, value)
        site.save(using=using, update_fields=list(fields))


def _default_site_root():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else settings.SITE_URL.rstrip("/")


def site_name():
    """The site's name, as its e-mails sign: the default Wagtail Site's, else WAGTAIL_SITE_NAME."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).only("site_name").first()
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def public_url(path, request=None):
    """`path` ("/cours/") as an absolute address at the site's public root. With a request, the
    root is remembered for its content generation (a change of a Site makes a new one); without,
    it is read from the database."""
    if request is None:
        return _default_site_root() + path
    memo = content_memo(request)
    if "public root" not in memo:
        memo["public root"] = _default_site_root()
    return memo["public root"] + path
