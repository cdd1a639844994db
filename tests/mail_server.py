"""A real SMTP server in the test's process (aiosmtpd), with Django's SMTP backend pointed at it:
tests read the messages it received as they left the site (subject, text and HTML parts,
attachments), not Django's test outbox."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller


class Received:
    """Keeps every message delivered; refuses the addresses in `refused` (a bounce), and answers
    the next `busy` messages with a temporary failure (451: try again later)."""

    def __init__(self):
        self.messages = []
        self.refused = set()
        self.busy = 0
        self.turned_away = 0  # messages answered 451

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.busy:
            self.busy -= 1
            self.turned_away += 1
            return "451 4.3.0 Serveur occupé, réessayez plus tard"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """The SMTP server the site sends to, for this test."""
    received = Received()
    port = free_port()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield received
    controller.stop()


def parts(message):
    """(text, html, {file name: (content, MIME type)}) of a received message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html_part = message.get_body(preferencelist=("html",))
    html = html_part.get_content() if html_part else ""
    files = {
        part.get_filename(): (part.get_content(), part.get_content_type())
        for part in message.iter_attachments()
    }
    return text, html, files
