"""`make bench`, live sessions (alone: `BENCH_ONLY=live make bench`): a room of phones on one
or two daphne processes, PostgreSQL and Redis, as in production.

Each run starts BENCH_LIVE_DAPHNES daphne processes (production settings, a database of the
bench's own, Redis db 3 under a fresh prefix), a session of a quiz, BENCH_LIVE_PHONES phones
(WebSocket clients in one asyncio process, spread over the daphnes) and a projector on the
first daphne. For each of BENCH_LIVE_QUESTIONS questions the trainer sends → and, per phone,
the time until its screen shows the question; every phone answers at a random moment within
ANSWER_WINDOW seconds of seeing it, and for each answer: the time until its own phone says
"recorded" (its confirmation), and the time until the projector's count includes it (the k-th
answer sent is counted when the projector's count reaches k). At the last question, once every
phone has answered, a reconnect storm: every phone drops and reconnects at once, and must be
shown as itself, its answer recorded. At the end, the answers stored in the database against
the answers sent. Each daphne's memory (RSS, peak) and CPU time are read from /proc.

Environment: BENCH_LIVE_PHONES and BENCH_LIVE_DAPHNES take one value or a comma-separated list
(default "300,1000" and "1,2": every combination is run), BENCH_LIVE_QUESTIONS (5), BENCH_PORT
(the first daphne's port, 8090), DATABASE_URL (PostgreSQL: the bench uses the database
`bench_live` on its server; default postgres://postgres@127.0.0.1:5432), BENCH_LIVE_REDIS
(redis://127.0.0.1:6379/3), BENCH_PROFILE=DIR (each daphne under cProfile, every thread
profiled; the busiest functions printed and DIR/<run>-daphne-<n>.prof kept),
BENCH_LIVE_KEEP_DATABASE=1 (reuse bench_live as an earlier run built it).

Run alone, it writes its table to bench/results-<date>-postgresql.md (replacing the live
section of a table written earlier that day, if any) and prints it; bench/run.py calls
`table()` to put it in its own."""

import asyncio
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable

PHONES = [int(n) for n in os.environ.get("BENCH_LIVE_PHONES", "300,1000").split(",")]
DAPHNES = [int(n) for n in os.environ.get("BENCH_LIVE_DAPHNES", "1,2").split(",")]
QUESTIONS = int(os.environ.get("BENCH_LIVE_QUESTIONS", "5"))
PORT = int(os.environ.get("BENCH_PORT", "8090"))
REDIS_URL = os.environ.get("BENCH_LIVE_REDIS", "redis://127.0.0.1:6379/3")
PROFILE = os.environ.get("BENCH_PROFILE", "")
ANSWER_WINDOW = 5.0  # seconds: a room answers within this time of seeing the question
WAIT = 30.0  # seconds: past this, a screen counts as never updated
TARGETS = {  # ms, p99 (issue 25): (300 phones, 1,000 phones)
    "shown": (500, 2000),
    "confirmed": (500, 1000),
    "counted": (500, 1000),
    "storm": (500, 10000),  # the last phone back, not a p99
}


def log(message):
    print(f"[bench live] {message}", file=sys.stderr, flush=True)


# The database, the environment of every process.


def database_url():
    """`bench_live` on the PostgreSQL server DATABASE_URL names (or the local one)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    parts = urlparse(url)
    return urlunparse(parts._replace(path="/bench_live")), urlunparse(
        parts._replace(path="/postgres")
    )


def environment():
    url, _admin = database_url()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"bench-live-{secrets.token_hex(4)}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
    }


def build_database(env):
    _url, admin = database_url()
    for sql in ("DROP DATABASE IF EXISTS bench_live WITH (FORCE)", "CREATE DATABASE bench_live"):
        subprocess.run(["psql", admin, "-qc", sql], check=True)
    for command in (["migrate", "--noinput"], ["build_content"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def in_django(env, *args):
    """This file's `django_main`, in a process of its own with the daphnes' settings: its JSON."""
    done = subprocess.run(
        [PYTHON, __file__, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"bench/live.py {args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def django_main(command, *args):
    """`prepare N`: a session of the longest quiz, N participants joined, each with the Django
    session a browser would hold, and the trainer's; `stored SESSION`: its answers."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils.module_loading import import_string

    from live import services
    from live.models import LiveAnswer
    from quizzes.models import Quiz
    from workshops.roles import TRAINERS_GROUP

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    cookie = settings.SESSION_COOKIE_NAME
    if command == "stored":
        rows = LiveAnswer.objects.filter(session_id=int(args[0])).values_list(
            "participant_id", "question"
        )
        print(json.dumps([list(row) for row in rows]))
        return
    count = int(args[0])
    trainer, _created = get_user_model().objects.get_or_create(
        email="formateur-bench@atelier-reseaux.test",
        defaults={"first_name": "Bench"},
    )
    trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    quiz = max(Quiz.objects.live(), key=lambda quiz: len(quiz.questions))
    session = services.start(quiz, trainer, question_count=QUESTIONS, tell=lambda *a, **k: None)
    browser = store()
    browser["_auth_user_id"] = str(trainer.pk)
    browser["_auth_user_backend"] = "workshops.backends.ModelBackend"
    browser["_auth_user_hash"] = trainer.get_session_auth_hash()
    browser.create()
    phones = []
    for number in range(1, count + 1):
        participant = services.join(session, f"Participant {number}", tell=lambda *a, **k: None)
        browser_of_phone = store()
        browser_of_phone[services.SESSION_KEY] = {session.code: participant.token}
        browser_of_phone.create()
        phones.append([participant.pk, f"{cookie}={browser_of_phone.session_key}"])
    answers = []
    for question in session.questions:
        choices = [choice["id"] for choice in question.get("choices", [])]
        if question["kind"] == "numeric":
            answers.append("50")
        elif question["kind"] == "multiple" or question.get("multiple"):
            answers.append(choices[:1])
        elif choices:
            answers.append(choices[0])
        elif question["kind"] == "scale":
            answers.append(question["low"])
        else:
            answers.append("réseau")
    print(
        json.dumps(
            {
                "session": session.pk,
                "code": session.code,
                "questions": session.question_count,
                "quiz": quiz.title,
                "projector": f"{cookie}={browser.session_key}",
                "phones": phones,
                "answers": answers,
            }
        )
    )


# The daphne processes.


class Daphne:
    def __init__(self, env, port, profile=None):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.profile = profile
        arguments = ["-b", "127.0.0.1", "-p", str(port), "config.asgi:application"]
        if profile:
            command = [PYTHON, str(BENCH / "profiled_daphne.py"), str(profile), *arguments]
        else:
            command = [str(Path(PYTHON).parent / "daphne"), *arguments]
        # What it writes goes to a file: a pipe nobody reads would stop it once full.
        (BENCH / "tmp").mkdir(exist_ok=True)
        self.log = BENCH / "tmp" / f"daphne-{port}.log"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        self.wait_until_up()
        self.cpu_at = None

    def wait_until_up(self):
        import urllib.request

        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"daphne stopped:\n{self.log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        sys.exit(f"daphne on port {self.port} did not answer")

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self):
        """(RSS, peak RSS) in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = {}
        for line in status.splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
        return values["VmRSS"], values["VmHWM"]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=120 if self.profile else 30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.log.read_text(errors="replace")


# The room: phones and a projector, WebSocket clients in this process.


class Screen:
    """One socket; the messages it receives go to `on_message` as they arrive."""

    def __init__(self, url, path, cookie):
        self.origin = url
        self.url = url.replace("http://", "ws://") + path
        self.cookie = cookie
        self.socket = None
        self.reader = None
        self.waiters = []  # (check, future)

    failed = 0  # connections refused or broken before they opened, all screens together

    async def open(self):
        """Connects, and tries again as the site's script does (after a short, growing and
        random delay) if the server refuses or drops the connection."""
        from websockets.asyncio.client import connect
        from websockets.exceptions import InvalidHandshake

        deadline = time.perf_counter() + 2 * WAIT
        for attempt in range(1000):
            try:
                self.socket = await connect(
                    self.url,
                    origin=self.origin,
                    additional_headers={"Cookie": self.cookie},
                    max_queue=None,
                    open_timeout=WAIT,
                    ping_interval=None,
                    proxy=None,
                )
                break
            except (OSError, TimeoutError, InvalidHandshake):
                Screen.failed += 1
                if time.perf_counter() > deadline:
                    raise
                await asyncio.sleep(min(2.0, 0.25 * 2**attempt) * random.uniform(0.5, 1.0))
        self.reader = asyncio.ensure_future(self.read())

    async def read(self):
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self.socket:
                now = time.perf_counter()
                message = json.loads(raw)
                for waiter in list(self.waiters):
                    check, future = waiter
                    if not future.done() and check(message):
                        future.set_result(now)
                        self.waiters.remove(waiter)
        except ConnectionClosed:
            pass

    def when(self, check):
        """A future: the time the first message from now on that passes `check` arrived."""
        future = asyncio.get_running_loop().create_future()
        self.waiters.append((check, future))
        return future

    async def send(self, message):
        await self.socket.send(json.dumps(message))

    async def close(self):
        await self.socket.close()
        if self.reader is not None:
            await self.reader
        self.waiters = []


async def within(future, seconds=WAIT):
    try:
        return await asyncio.wait_for(future, seconds)
    except TimeoutError:
        return None


def state_shows(question):
    return lambda m: m.get("type") == "state" and m.get("question") == question


def answered(question):
    return lambda m: m.get("type") == "state" and m.get("question") == question and m["answered"]


def counted_at_least(k):
    return lambda m: m.get("type") in ("state", "count") and m.get("answered", 0) >= k


async def room(daphnes, prepared, cpu):
    urls = [daphne.url for daphne in daphnes]
    Screen.failed = 0
    code = prepared["code"]
    projector = Screen(urls[0], f"/ws/direct/{code}/projecteur/", prepared["projector"])
    await projector.open()
    phones = [
        Screen(urls[index % len(urls)], f"/ws/direct/{code}/", cookie)
        for index, (_pk, cookie) in enumerate(prepared["phones"])
    ]
    # The room comes in over ten seconds, as phones would, not in one instant.
    in_lobby = [phone.when(lambda m: m.get("type") == "state") for phone in phones]

    async def arrive(phone, delay):
        await asyncio.sleep(delay)
        await phone.open()

    spread = 10 / len(phones)
    await asyncio.gather(*(arrive(phone, n * spread) for n, phone in enumerate(phones)))
    arrived = await asyncio.gather(*(within(f) for f in in_lobby))
    log(f"{sum(a is not None for a in arrived)} of {len(phones)} phones in the lobby")
    await asyncio.sleep(1)
    cpu["start"] = {daphne.port: (daphne.cpu_seconds(), time.perf_counter()) for daphne in daphnes}
    figures = {"shown": [], "confirmed": [], "counted": [], "unconfirmed": 0, "sent": []}
    questions = prepared["questions"]
    for number in range(questions):
        shown = [phone.when(state_shows(number)) for phone in phones]
        asked = time.perf_counter()
        await projector.send({"action": "next"})
        seen = await asyncio.gather(*(within(future) for future in shown))
        figures["shown"] += [(t - asked) if t else WAIT for t in seen]
        counts = [projector.when(counted_at_least(k)) for k in range(1, len(phones) + 1)]
        value = prepared["answers"][number]

        async def answer(phone, seen_at, pk, number=number, value=value):
            if seen_at is None:
                return None
            await asyncio.sleep(random.uniform(0, ANSWER_WINDOW))
            confirmed = phone.when(answered(number))
            sent = time.perf_counter()
            await phone.send({"action": "answer", "question": number, "value": value})
            figures["sent"].append((pk, number))
            return sent, await within(confirmed)

        results = await asyncio.gather(
            *(
                answer(phone, at, pk)
                for phone, at, (pk, _c) in zip(phones, seen, prepared["phones"], strict=True)
            )
        )
        sent_times = sorted(r[0] for r in results if r is not None)
        for result in results:
            if result is None or result[1] is None:
                figures["unconfirmed"] += 1
            else:
                figures["confirmed"].append(result[1] - result[0])
        counted = await asyncio.gather(*(within(f, 5) for f in counts[: len(sent_times)]))
        for sent, at in zip(sent_times, counted, strict=True):
            figures["counted"].append((at - sent) if at else WAIT)
        for future in counts:
            future.cancel()
        projector.waiters = []
        log(
            f"question {number + 1}: shown p99 {p99(figures['shown'][-len(phones) :]):.0f} ms, "
            f"confirmed p99 {p99(figures['confirmed']):.0f} ms, "
            f"counted p99 {p99(figures['counted']):.0f} ms"
        )
        if number == questions - 1:
            break
        revealed = [phone.when(lambda m: m.get("type") == "state") for phone in phones]
        await projector.send({"action": "next"})  # the correction, then the next question
        await asyncio.gather(*(within(future) for future in revealed))
        await asyncio.sleep(1)
    for daphne in daphnes:
        used, since = cpu["start"][daphne.port]
        cpu[daphne.port] = (daphne.cpu_seconds() - used, time.perf_counter() - since)

    # The storm: every phone drops, then all reconnect at once; each must be shown as itself,
    # its answer to the question on screen recorded.
    await asyncio.gather(*(phone.close() for phone in phones))
    await asyncio.sleep(1)
    back_as_themselves = [phone.when(answered(questions - 1)) for phone in phones]
    storm = time.perf_counter()
    await asyncio.gather(*(phone.open() for phone in phones), return_exceptions=True)
    back = await asyncio.gather(*(within(future) for future in back_as_themselves))
    figures["failed"] = Screen.failed
    figures["back"] = sum(1 for t in back if t is not None)
    figures["storm"] = max((t - storm) if t else WAIT for t in back)
    await projector.send({"action": "end"})
    await asyncio.sleep(1)
    await asyncio.gather(projector.close(), *(phone.close() for phone in phones))
    return figures


def p(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def p50(values):
    return p(values, 0.50)


def p99(values):
    return p(values, 0.99)


def one_run(env, phones, daphne_count, index):
    name = f"{phones}-phones-{daphne_count}-daphne{'s' if daphne_count > 1 else ''}"
    log(f"{name}: preparing the session")
    prepared = in_django(env, "prepare", str(phones))
    profile_dir = Path(PROFILE) if PROFILE else None
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    daphnes = []
    try:
        for n in range(daphne_count):
            profile = profile_dir / f"{name}-daphne-{n + 1}.prof" if profile_dir else None
            daphnes.append(Daphne(env, PORT + n, profile))
        load_before = os.getloadavg()
        cpu = {}
        log(f"{name}: {phones} phones on {daphne_count} daphne(s)")
        figures = asyncio.run(room(daphnes, prepared, cpu))
        load_after = os.getloadavg()
        memory = [daphne.memory() for daphne in daphnes]
    finally:
        errors = [daphne.stop() for daphne in daphnes]
    stored = {tuple(row) for row in in_django(env, "stored", str(prepared["session"]))}
    sent = set(figures["sent"])
    result = {
        "phones": phones,
        "daphnes": daphne_count,
        "questions": prepared["questions"],
        "answers": len(sent),
        "lost": len(sent - stored),
        "extra": len(stored - sent),
        "shown": (p50(figures["shown"]), p99(figures["shown"])),
        "confirmed": (p50(figures["confirmed"]), p99(figures["confirmed"])),
        "counted": (p50(figures["counted"]), p99(figures["counted"])),
        "unconfirmed": figures["unconfirmed"],
        "back": figures["back"],
        "failed": figures["failed"],
        "storm": figures["storm"] * 1000,
        "memory": memory,
        "cpu": [cpu[daphne.port] for daphne in daphnes],
        "load": (load_before, load_after),
        "errors": [tail_of(error) for error in errors],
    }
    if profile_dir:
        result["profile"] = [str(daphne.profile) for daphne in daphnes]
    return result


def tail_of(stderr):
    """What a daphne wrote of importance (tracebacks, errors), in short."""
    lines = [
        line
        for line in stderr.splitlines()
        if "Error" in line or "Traceback" in line or "Exception" in line
    ]
    return lines[-3:]


def cpu_text(used, wall):
    return f"{used:.0f} s in {wall:.0f} s ({100 * used / wall:.0f} %)"


def mark(value, target):
    return "✓" if value < target else "✗"


def table(results):
    """The live section of the results, in Markdown."""
    lines = [
        "## Live sessions (bench/live.py)",
        "",
        f"Each run: one session of {results[0]['questions']} questions; the phones are WebSocket "
        "clients in one asyncio process on the same machine (their CPU is taken from the "
        "servers'), spread over the daphne processes, the projector on the first; PostgreSQL, "
        "Redis as the channel layer; every phone answers each question at a random moment within "
        f"{ANSWER_WINDOW:.0f} s of seeing it. Times in ms, p50 / p99 (target p99, issue 25). "
        "Shown: → to the question on each phone; confirmed: an answer sent to its own phone "
        "saying it is recorded; counted: the k-th answer sent to the projector's count reaching "
        "k; storm: every phone dropped and reconnected at once, until the last is shown as itself "
        "with its answer.",
        "",
        "| phones | daphnes | shown | confirmed | counted | lost / sent | storm | "
        "daphne RSS (peak) MB | daphne CPU | load avg |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        size = 0 if r["phones"] <= 300 else 1

        def cell(key, r=r, size=size):
            target = TARGETS[key][size]
            low, high = r[key]
            return f"{low:.0f} / {high:.0f} (< {target} {mark(high, target)})"

        storm_target = TARGETS["storm"][size]
        storm = (
            f"{r['storm'] / 1000:.1f} s, {r['back']}/{r['phones']} back "
            f"(< {storm_target / 1000:g} s "
            f"{mark(r['storm'], storm_target) if r['back'] == r['phones'] else '✗'})"
        )
        unconfirmed = f", {r['unconfirmed']} never confirmed" if r["unconfirmed"] else ""
        failed = f", {r['failed']} connections failed (tried again)" if r["failed"] else ""
        lines.append(
            f"| {r['phones']} | {r['daphnes']} | {cell('shown')} | {cell('confirmed')}"
            f"{unconfirmed} | {cell('counted')} "
            f"| {r['lost']} / {r['answers']} {'✓' if r['lost'] == 0 else '✗'} | {storm}{failed} "
            f"| {', '.join(f'{rss:.0f} ({peak:.0f})' for rss, peak in r['memory'])} "
            f"| {', '.join(cpu_text(used, wall) for used, wall in r['cpu'])} "
            f"| {r['load'][0][0]:.2f} → {r['load'][1][0]:.2f} |"
        )
    errors = [(r, e) for r in results for e in r["errors"] if e]
    if errors:
        lines += ["", "Daphne reported:"]
        for r, error in errors:
            lines.append(f"- {r['phones']} phones, {r['daphnes']} daphne(s): {' / '.join(error)}")
    return lines


def run_all():
    env = environment()
    if os.environ.get("BENCH_LIVE_KEEP_DATABASE"):  # built by an earlier run: saves a minute
        log("using the database bench_live as it is")
    else:
        log("building the database bench_live (migrate, seed content)")
        build_database(env)
    results = []
    for phones in PHONES:
        for daphne_count in DAPHNES:
            results.append(one_run(env, phones, daphne_count, len(results)))
            if PROFILE:
                for path in results[-1]["profile"]:
                    print_profile(path)
    return results


def print_profile(path):
    import pstats

    if not Path(path).exists():
        log(f"no profile at {path}")
        return
    log(f"profile {path}: the 25 functions with the most time of their own")
    pstats.Stats(path, stream=sys.stderr).sort_stats("tottime").print_stats(25)


def machine():
    cores = os.cpu_count()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )
    return f"{cores} cores ({cpu}), Python {sys.version.split()[0]}"


def write(lines):
    """Into today's results file: its live section replaced, or the file begun."""
    out = BENCH / f"results-{datetime.now():%Y-%m-%d}-postgresql.md"
    section = "\n".join(lines) + "\n"
    if out.exists():
        text = out.read_text()
        start = text.find("## Live sessions (bench/live.py)")
        if start >= 0:
            end = text.find("\n## ", start + 1)
            text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
    else:
        text = (
            f"# make bench (live only) — {datetime.now():%Y-%m-%d %H:%M}\n\n"
            f"- machine: {machine()}\n- database: PostgreSQL; channel layer: Redis\n\n" + section
        )
    out.write_text(text)
    return out


def main(table_only=False):
    """The table, printed; written too, unless bench/run.py asks for it only (`--table-only`):
    it writes its own file. The figures in full go to bench/tmp/live.json."""
    results = run_all()
    (BENCH / "tmp").mkdir(exist_ok=True)
    (BENCH / "tmp" / "live.json").write_text(json.dumps(results, indent=1))
    lines = table(results)
    if table_only:
        print("\n".join(lines))
        return
    print("\n" + "\n".join(lines))
    out = write(lines)
    log(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] in ([], ["--table-only"]):
        main(table_only=bool(sys.argv[1:]))
    else:
        django_main(*sys.argv[1:])
