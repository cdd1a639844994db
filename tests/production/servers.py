"""App servers as in production: gunicorn with the production settings, on loopback; nginx in
front of them, configured with the README's file."""

import datetime
import ipaddress
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
DAPHNE = str(Path(PYTHON).parent / "daphne")
HTTPS = {"X-Forwarded-Proto": "https"}
NGINX = "/usr/sbin/nginx"  # Debian's package (make test-production installs it)
NGINX_SITE = ROOT / "deploy" / "nginx.conf"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env, *args):
    """Runs a management command with the servers' environment; returns what it printed."""
    command = [PYTHON, "manage.py", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True)


class AppServer:
    def __init__(self, env, workers=1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "config.wsgi:application", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up("gunicorn")

    def wait_until_up(self, name):
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                # As the proxy forwards it: HTTPS, so SECURE_SSL_REDIRECT does not answer.
                response = requests.get(self.url + "/healthz", timeout=2, headers=HTTPS)
                if response.status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not up yet, or still booting
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{name} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class AsgiServer(AppServer):
    """daphne, as in production beside gunicorn: it carries the live sessions' WebSockets."""

    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [DAPHNE, "-b", "127.0.0.1", "-p", str(self.port), "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_up("daphne")


class Proxy:
    """nginx from Debian's package in front of `pages` (gunicorn) and `sockets` (daphne),
    configured with deploy/nginx.conf, the file the README documents: only its ports and its
    certificate's folder are changed. It runs in the foreground from a temporary prefix, with a
    self-signed certificate for 127.0.0.1 (`certificate`, to verify it), on `port` (HTTPS)."""

    def __init__(self, pages, sockets, port):
        self.prefix = Path(tempfile.mkdtemp(prefix="atelier-nginx-"))
        self.prefix.chmod(0o755)  # nginx's workers (nobody) buffer large responses in it
        self.port, self.http_port = port, free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.certificate = self.prefix / "fullchain.pem"
        write_self_signed_certificate(self.certificate, self.prefix / "privkey.pem")
        site = NGINX_SITE.read_text()
        for documented, here in {
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen 443 ssl": f"listen 127.0.0.1:{self.port} ssl",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{pages.port};",
            "server 127.0.0.1:8001;": f"server 127.0.0.1:{sockets.port};",
            "/etc/letsencrypt/live/atelier-reseaux.fr/": f"{self.prefix}/",
        }.items():
            assert documented in site, f"deploy/nginx.conf no longer says {documented!r}"
            site = site.replace(documented, here)
        (self.prefix / "site.conf").write_text(site)
        # The main file, as Debian's /etc/nginx/nginx.conf includes a site, with everything
        # nginx writes kept in the prefix.
        temp = " ".join(
            f"{kind}_temp_path {self.prefix}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.prefix / "nginx.conf").write_text(
            f"daemon off; worker_processes 1; pid {self.prefix}/nginx.pid;\n"
            "events { worker_connections 256; }\n"
            f"http {{ access_log off; {temp} include {self.prefix}/site.conf; }}\n"
        )
        log = str(self.prefix / "error.log")
        self.process = subprocess.Popen(
            [NGINX, "-p", f"{self.prefix}/", "-c", str(self.prefix / "nginx.conf"), "-e", log],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 20
        while time.time() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:  # not listening yet
                time.sleep(0.1)
        error = Path(log).read_text()
        self.stop()
        raise RuntimeError(f"nginx did not start: {error}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.prefix, ignore_errors=True)


def write_self_signed_certificate(certificate, key_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


class FormParser(HTMLParser):
    """The named fields of the page's forms and their current values (first option for choices)."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                self.fields.setdefault(name, attrs.get("value"))
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value")
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and getattr(self, "_select", None):
            if "selected" in attrs or not self.fields.get(self._select):
                self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html):
    parser = FormParser()
    parser.feed(html)
    return parser.fields


def sign_in(session, url, email, password, path="/compte/connexion/"):
    fields = form_fields(session.get(url + path).text)
    fields.update(username=email, password=password)
    return session.post(url + path, data=fields, allow_redirects=False)


def answer_quiz(session, url, slug):
    """GET the quiz, then POST the first choice of every question, as a browser would.
    Returns the page's response instead when the form could not be shown."""
    page = session.get(f"{url}/quiz/{slug}/", timeout=10)
    if page.status_code != 200:
        return page
    fields = form_fields(page.text)
    for name, value in list(fields.items()):
        if name.startswith("q-") and not value:
            fields[name] = "50"
    return session.post(
        f"{url}/quiz/{slug}/envoyer/", data=fields, allow_redirects=False, timeout=10
    )


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class TaskWorker:
    """`manage.py run_worker`, as production runs it beside the app servers."""

    def __init__(self, env, log, worker_id="worker-1"):
        self.log = log
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "run_worker", "--worker-id", worker_id],
            cwd=ROOT,
            env=env | {"PYTHONUNBUFFERED": "1"},  # its log as it goes, if a test shows it
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def output(self):
        """What it has printed so far, for a failing test to show."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def kill(self):
        """As a crash or an out-of-memory kill would: no time to tidy up."""
        self.process.kill()
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
