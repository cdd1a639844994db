"""External links checked by the task worker: the figures' sources, the resources, and the links
inside lessons and quiz explanations (each app registers where its links are: register_links).
Each check is a record of its own (its status, where a redirection leads, the error), kept as
it was; the freshness report shows each link's latest one.

The check is a real HTTP request (requests), with timeouts, following up to five redirections
by hand: an address inside the server's network (loopback, private ranges) is not requested
unless LINK_CHECK_PRIVATE_ADDRESSES allows it, so an editor's link cannot make the worker probe
the internal network. `manage.py check_links` queues a check of every link (once a day)."""

import ipaddress
import json
import re
import socket
from dataclasses import dataclass
from html import unescape
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobs.background import job_task, start

MAX_REDIRECTS = 5
PERMANENT = (301, 308)


class LinkCheck(models.Model):
    class Outcome(models.TextChoices):
        OK = "ok", gettext_lazy("répond")
        MOVED = "moved", gettext_lazy("déplacé")
        REDIRECTED = "redirected", gettext_lazy("redirigé")
        BROKEN = "broken", gettext_lazy("cassé")
        TIMEOUT = "timeout", gettext_lazy("trop lent")
        UNREACHABLE = "unreachable", gettext_lazy("injoignable")
        SKIPPED = "skipped", gettext_lazy("non vérifié")

    url = models.URLField(_("adresse"), max_length=2000, db_index=True)
    checked_at = models.DateTimeField(_("vérifié le"), default=timezone.now)
    outcome = models.CharField(_("résultat"), max_length=12, choices=Outcome.choices)
    status = models.PositiveSmallIntegerField(_("code HTTP"), null=True, blank=True)
    final_url = models.URLField(_("mène à"), max_length=2000, blank=True)
    final_status = models.PositiveSmallIntegerField(_("code HTTP final"), null=True, blank=True)
    error = models.CharField(_("erreur"), max_length=255, blank=True)

    class Meta:
        app_label = "lessons"
        verbose_name = _("vérification de lien")
        verbose_name_plural = _("vérifications de liens")
        ordering = ["-checked_at"]

    def __str__(self):
        return f"{self.url} — {self.get_outcome_display()}"

    @property
    def needs_attention(self):
        return self.outcome not in (self.Outcome.OK, self.Outcome.REDIRECTED)

    @property
    def summary(self):
        """What an editor reads: "404", "301 → https://…", "délai dépassé (10 s)"."""
        if self.outcome in (self.Outcome.MOVED, self.Outcome.REDIRECTED):
            final = f" ({self.final_status})" if self.final_status else ""
            return f"{self.status} → {self.final_url}{final}"
        if self.status:
            return str(self.status)
        return self.error


# Where links are: each app registers a function giving (url, label, edit url) of its links.

_sources = []


def register_links(source):
    _sources.append(source)


HREF = re.compile(r'href=\\?"(https?://[^"\\\s]+)')


def links_in(data):
    """The external addresses in rich text or StreamField data (any JSON-able value)."""
    text = data if isinstance(data, str) else json.dumps(data)
    return [unescape(url) for url in HREF.findall(text)]


def all_links():
    """{url: [(label, edit url)]} of every external link registered."""
    links = {}
    for source in _sources:
        for url, label, edit_url in source():
            if urlsplit(url).scheme in ("http", "https"):
                places = links.setdefault(url, [])
                if (label, edit_url) not in places:
                    places.append((label, edit_url))
    return links


def latest_checks(urls):
    """{url: its latest LinkCheck} for these urls."""
    latest = {}
    for check in LinkCheck.objects.filter(url__in=list(urls)).order_by("url", "-checked_at"):
        latest.setdefault(check.url, check)
    return latest


# The check itself.


@dataclass
class Result:
    outcome: str
    status: int | None = None
    final_url: str = ""
    final_status: int | None = None
    error: str = ""


def timeout():
    return getattr(settings, "LINK_CHECK_TIMEOUT", (5, 10))


def is_internal(host):
    """Whether a host name leads inside the server's own network."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return False  # the request will say it cannot be reached
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            return True
    return False


def check_url(url, session=None):
    """One link's Result: requested (GET, no body read), its redirections followed by hand."""
    session = session or requests.Session()
    headers = {"User-Agent": f"AtelierReseaux-liens/1.0 (+{settings.SITE_URL})"}
    first_status, current = None, url
    allow_private = getattr(settings, "LINK_CHECK_PRIVATE_ADDRESSES", False)
    for _hop in range(MAX_REDIRECTS + 1):
        host = urlsplit(current).hostname or ""
        if not allow_private and is_internal(host):
            return Result(
                LinkCheck.Outcome.SKIPPED,
                first_status,
                current if first_status else "",
                error=_("adresse interne : non vérifiée"),
            )
        try:
            with session.get(
                current, headers=headers, timeout=timeout(), allow_redirects=False, stream=True
            ) as response:
                status, location = response.status_code, response.headers.get("Location")
        except requests.Timeout:
            return Result(
                LinkCheck.Outcome.TIMEOUT, first_status, error=_("délai dépassé, sans réponse")
            )
        except requests.RequestException as error:
            return Result(
                LinkCheck.Outcome.UNREACHABLE,
                first_status,
                error=_("injoignable (%(kind)s)") % {"kind": type(error).__name__},
            )
        if first_status is None:
            first_status = status
        if 300 <= status < 400 and location:
            current = urljoin(current, location)
            continue
        if current == url:
            outcome = LinkCheck.Outcome.OK if status < 400 else LinkCheck.Outcome.BROKEN
            return Result(outcome, status)
        if status >= 400:
            outcome = LinkCheck.Outcome.BROKEN
        elif first_status in PERMANENT:
            outcome = LinkCheck.Outcome.MOVED
        else:
            outcome = LinkCheck.Outcome.REDIRECTED
        return Result(outcome, first_status, current, status)
    return Result(LinkCheck.Outcome.BROKEN, first_status, current, error=_("trop de redirections"))


def record(url, result):
    return LinkCheck.objects.create(
        url=url,
        outcome=result.outcome,
        status=result.status,
        final_url=result.final_url[:2000],
        final_status=result.final_status,
        error=result.error[:255],
    )


@job_task
def check_links(job):
    """Every registered link checked, one after the other, each result recorded."""
    urls = sorted(all_links())
    job.advance(0, total=len(urls))
    counts = {}
    with requests.Session() as session:
        for done, url in enumerate(urls, start=1):
            check = record(url, check_url(url, session))
            counts[check.get_outcome_display()] = counts.get(check.get_outcome_display(), 0) + 1
            job.advance(done)
    lines = [f"{count} : {outcome}" for outcome, count in sorted(counts.items())]
    report = _("Liens vérifiés : %(count)s") % {"count": len(urls)} + "\n" + "\n".join(lines)
    return "liens.txt", (report + "\n").encode()


def start_check(owner=None, back=""):
    from jobs.background import start_once

    title = _("Vérification des liens externes")
    if owner is None:
        return start(check_links, title=title, about="links", back=back)
    return start_once(check_links, title=title, about="links", owner=owner, back=back)
