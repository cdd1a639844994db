"""`make bench`, live sessions: PARTICIPANTS phones in one session, on the ASGI server that
bench/run.py starts beside gunicorn (pages on gunicorn, sockets on daphne, Redis between them).

For each question: the trainer's → from the projector's socket; every phone answers at a random
moment within ANSWER_WINDOW seconds, as a room does; the time from the last answer sent to the
projector showing every answer counted. Then a reconnect storm: every phone drops and reconnects
at once (a Wi-Fi blip), and must be shown its own recorded answer. At the end, the answers
stored (the trainer's CSV) against the answers sent.

Usage: live.py PAGES_URL SOCKETS_URL TRAINER_COOKIE. Prints one line of JSON."""

import asyncio
import json
import os
import random
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from statistics import median, quantiles

import requests
from websockets.asyncio.client import connect

PARTICIPANTS = int(os.environ.get("BENCH_LIVE_PARTICIPANTS", "300"))
QUESTIONS = int(os.environ.get("BENCH_LIVE_QUESTIONS", "10"))
ANSWER_WINDOW = 5.0  # seconds
WAIT = 30  # seconds: past this, a screen counts as never updated
QUIZ = "Quiz final : les réseaux sociaux pour votre entreprise"  # the longest quiz

pages, sockets, trainer_cookie = sys.argv[1:4]
origin = sockets


def form_token(session, url):
    html = session.get(url, timeout=30).text
    return html, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def trainer_session():
    trainer = requests.Session()
    name, value = trainer_cookie.split("=", 1)
    trainer.cookies.set(name, value)
    return trainer


def start_session(trainer):
    url = pages + "/direct/animer/nouvelle/"
    html, token = form_token(trainer, url)
    html = html.replace("\u00a0", " ")  # French typography: "Quiz final\u00a0: …"
    quiz = re.search(rf'<option value="(\d+)"[^>]*>{re.escape(QUIZ)}</option>', html).group(1)
    response = trainer.post(
        url,
        data={"csrfmiddlewaretoken": token, "quiz": quiz, "question_count": QUESTIONS},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=30,
    )
    return response.headers["Location"].split("/")[2]


def join(code, number):
    phone = requests.Session()
    _html, token = form_token(phone, pages + "/direct/")
    response = phone.post(
        pages + "/direct/",
        data={"csrfmiddlewaretoken": token, "code": code, "nickname": f"Participant {number}"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.status_code
    return "; ".join(f"{key}={value}" for key, value in phone.cookies.items())


class Screen:
    """One socket and the states it received, in order."""

    def __init__(self, path, cookies):
        self.url = sockets.replace("http://", "ws://") + path
        self.cookies = cookies
        self.socket = None

    async def open(self):
        self.socket = await connect(
            self.url,
            origin=origin,
            additional_headers={"Cookie": self.cookies},
            max_queue=None,
            open_timeout=WAIT,
        )

    async def close(self):
        await self.socket.close()

    async def send(self, message):
        await self.socket.send(json.dumps(message))

    async def until(self, *texts):
        """Waits for a state whose HTML holds every one of `texts`: (its arrival time, the
        state). Earlier states are passed over."""
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), WAIT))
            if message.get("type") == "state" and all(text in message["html"] for text in texts):
                return time.perf_counter(), message


def answer_for(html):
    """What a phone sends for the question in its state: its first choice, or an estimate."""
    if 'inputmode="decimal"' in html:
        return "50"
    value = re.search(r'name="value" value="([^"]+)"', html).group(1)
    return [value] if 'type="checkbox"' in html else value


async def answer(phone, number, html):
    await asyncio.sleep(random.uniform(0, ANSWER_WINDOW))
    sent = time.perf_counter()
    await phone.send({"action": "answer", "question": number, "value": answer_for(html)})
    await phone.until("Réponse enregistrée")
    return sent


async def session_run(code, cookies, trainer_cookies):
    projector = Screen(f"/ws/direct/{code}/projecteur/", trainer_cookies)
    await projector.open()
    phones = [Screen(f"/ws/direct/{code}/", cookie) for cookie in cookies]
    await asyncio.gather(*(phone.open() for phone in phones))
    await asyncio.gather(*(phone.until("Vous êtes dans la séance.") for phone in phones))
    everyone = f"{len(phones)} réponses sur {len(phones)}"
    delays, fan_outs, sent_total = [], [], 0
    for number in range(QUESTIONS):
        asked = time.perf_counter()
        await projector.send({"action": "next"})
        shown = await asyncio.gather(
            *(phone.until(f"Question {number + 1} sur") for phone in phones)
        )
        fan_outs.append(max(when for when, _state in shown) - asked)
        counted = asyncio.ensure_future(projector.until(f"Question {number + 1} sur", everyone))
        sent = await asyncio.gather(
            *(
                answer(phone, number, state["html"])
                for phone, (_when, state) in zip(phones, shown, strict=True)
            )
        )
        sent_total += len(sent)
        counted_at, _state = await counted
        delays.append(counted_at - max(sent))
        if number < QUESTIONS - 1:
            await projector.send({"action": "reveal"})
            await asyncio.gather(*(phone.until("La bonne réponse") for phone in phones))

    # A Wi-Fi blip: every phone drops, then all reconnect at once.
    await asyncio.gather(*(phone.close() for phone in phones))
    storm = time.perf_counter()

    async def come_back(phone):
        await phone.open()
        when, state = await phone.until()  # the first state, whatever it shows
        return when - storm, "Réponse enregistrée" in state["html"]

    back = await asyncio.gather(*(come_back(phone) for phone in phones))
    await projector.send({"action": "end"})
    await asyncio.gather(*(phone.until("La séance est terminée") for phone in phones))
    await asyncio.gather(projector.close(), *(phone.close() for phone in phones))
    return delays, fan_outs, sent_total, back


def main():
    trainer = trainer_session()
    code = start_session(trainer)
    with ThreadPoolExecutor(16) as pool:
        cookies = list(pool.map(lambda number: join(code, number), range(1, PARTICIPANTS + 1)))
    trainer_cookies = "; ".join(f"{key}={value}" for key, value in trainer.cookies.items())
    delays, fan_outs, sent, back = asyncio.run(session_run(code, cookies, trainer_cookies))
    export = trainer.get(f"{pages}/direct/{code}/resultats.csv", timeout=30)
    rows = export.content.decode("utf-8-sig").splitlines()[1:]
    stored = sum(cell in ("juste", "faux") for row in rows for cell in row.split(";"))
    ms = [delay * 1000 for delay in delays]
    print(
        json.dumps(
            {
                "participants": PARTICIPANTS,
                "questions": QUESTIONS,
                "counted_p50": median(ms),
                "counted_p99": quantiles(ms, n=100, method="inclusive")[98],
                "question_shown_max": max(fan_outs) * 1000,
                "sent": sent,
                "stored": stored,
                "reconnected": sum(1 for _t, kept in back if kept),
                "reconnect_max": max(t for t, _kept in back) * 1000,
            }
        )
    )


if __name__ == "__main__":
    main()
