// Live sessions. The pages work without this file (plain forms, and a reload to see what comes
// next); with it, the screen follows the session through a WebSocket, or by asking the server
// every two seconds while the socket is down or blocked. Every state carries the whole screen: a
// screen that was away (a phone asleep, a network cut) catches up from the next one.
(() => {
    "use strict";
    const root = document.querySelector("[data-live]");
    if (!root) return;
    const role = root.dataset.live; // "participant" or "projector"
    const stage = root.querySelector("#live-stage");
    const announcer = root.querySelector("[data-live-announce]");
    const status = root.querySelector("[data-live-connection]");
    const note = root.querySelector("[data-live-note]");
    const POLL_MS = 2000;
    // An answer sent on a socket that looks open, and neither recorded nor refused within this
    // time: the socket is dead (a network gone without a word); the answer waits for the next.
    const REPLY_MS = 15000;
    // The field of an answer typed (a number, a few words, a sentence), not tapped.
    const TYPED = 'input[name="value"][type="text"], textarea[name="value"]';
    // The page's words, translated by its template.
    const text = {
        lost: root.dataset.textLost,
        sendFailed: root.dataset.textSendFailed,
        timeLeft: root.dataset.textTimeLeft,
        timeUp: root.dataset.textTimeUp,
        sending: root.dataset.textSending,
        kept: root.dataset.textKept,
        keptPaused: root.dataset.textKeptPaused,
        refused: root.dataset.textRefused,
        closed: root.dataset.textClosed,
        gone: root.dataset.textGone,
    };
    let version = Number(root.dataset.version || 0);
    let socket = null;
    let failures = 0;
    let pollTimer = null;
    let pollWorks = false;
    let retryTimer = null;
    let stopped = false;
    // The screen as the server last sent it. The page changes it in place (a countdown, ticked
    // boxes, an answer's state): a state that brings the same screen again (a poll, every two
    // seconds) leaves it alone, or boxes ticked a moment ago would be unticked.
    let shownHtml = stage.innerHTML.trim();

    function showStatus(message) {
        if (!status) return;
        status.textContent = message;
        status.hidden = !message;
    }

    function showNote(message) {
        if (note) note.textContent = message;
        else showStatus(message);
    }

    function say(message) {
        if (announcer && message && announcer.textContent !== message) {
            announcer.textContent = message;
        }
    }

    // What comes in: a state (the whole screen), a projector's count of answers, a refusal.
    function apply(state) {
        if (!state) return;
        if (state.type === "refused") {
            refused(state);
            return;
        }
        if (state.type === "count") {
            const count = stage.querySelector("[data-answer-count]");
            if (state.version === version && count && count.textContent !== state.text) {
                count.textContent = state.text;
            }
            return;
        }
        if (state.type !== "state" || state.version < version) return;
        if (state.version > version && note) note.textContent = ""; // the session moved on
        version = state.version;
        showStatus("");
        if (shownHtml !== state.html.trim()) {
            const hadFocus = stage.contains(document.activeElement);
            stage.innerHTML = state.html;
            shownHtml = state.html.trim();
            const screen = stage.querySelector("[data-phase]");
            if (screen) root.dataset.phase = screen.dataset.phase;
            startTimers();
            if (hadFocus) focusStage();
        }
        say(state.announce);
        updatePauseButton();
        if (state.removed) stop();
        if (role === "participant") settle(state);
    }

    function refused(state) {
        if (role === "participant" && typeof state.question === "number") {
            if (sending && sending.question === state.question) doneSending();
            if (kept && kept.question === state.question) keep(null);
            answerStatus(state.question, text.refused.replace("{}", state.message), "refused");
            return;
        }
        say(state.message);
        if (role === "participant") showNote(state.message);
        else showStatus(state.message);
    }

    // The control that had focus is gone with the old screen: focus moves to the top of the new
    // one (its question, or its verdict), not to a link at its end.
    function focusStage() {
        const target =
            stage.querySelector(".live-verdict") || stage.querySelector("h2, .live-wait__title, p");
        if (!target) return;
        target.tabIndex = -1;
        target.focus();
    }

    function updatePauseButton() {
        const button = root.querySelector("[data-pause-button]");
        const screen = stage.querySelector("[data-paused]");
        if (!button || !screen) return;
        const paused = screen.dataset.paused === "true";
        button.value = paused ? "resume" : "pause";
        const label = button.querySelector("[data-pause-label]") || button;
        label.textContent = paused ? button.dataset.labelResume : button.dataset.labelPause;
    }

    // A phone's answer: sent, then recorded (the server's new state says so) or refused (its
    // reason next to the button). Without a network it is kept on the phone (and in its storage,
    // should the page be closed) and sent when the connection is back, if its question is still
    // open; if the question closed meanwhile, the phone says so.
    const storageKey = "live-answer:" + (root.dataset.code || "");
    let kept = null; // {question, value}: an answer not yet recorded nor refused
    let sending = null; // {question, timer}: the answer on its way
    try {
        kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (error) {
        kept = null;
    }

    function keep(answer) {
        kept = answer;
        try {
            if (answer) window.localStorage.setItem(storageKey, JSON.stringify(answer));
            else window.localStorage.removeItem(storageKey);
        } catch (error) {
            // Storage refused (private browsing, full): the answer stays in this page's memory.
        }
    }

    function answerForm(question) {
        return stage.querySelector(`form[data-live-answer][data-question="${question}"]`);
    }

    function answerStatus(question, message, kind) {
        const form = answerForm(question);
        const place = form && form.querySelector("[data-answer-status]");
        if (!place) {
            showNote(message);
            return;
        }
        place.textContent = message;
        place.className = "live-answer__status" + (kind ? ` live-answer__status--${kind}` : "");
        form.setAttribute("aria-busy", kind === "sending" ? "true" : "false");
        place.scrollIntoView({block: "nearest"});
    }

    // The choice tapped (or ticked, or typed), shown on the form again when the screen is drawn
    // anew with the answer still on its way.
    function showChosen(answer) {
        const form = answerForm(answer.question);
        if (!form) return;
        const values = Array.isArray(answer.value) ? answer.value : [answer.value];
        form.querySelectorAll("button.live-choice").forEach((button) => {
            button.classList.toggle("live-choice--chosen", values.includes(button.value));
        });
        form.querySelectorAll("input[type=checkbox]").forEach((box) => {
            box.checked = values.includes(box.value);
        });
        const typed = form.querySelector(TYPED);
        if (typed && !typed.value) typed.value = values[0] || "";
    }

    function doneSending() {
        if (sending) window.clearTimeout(sending.timer);
        sending = null;
    }

    function sendAnswer(answer) {
        showChosen(answer);
        if (!navigator.onLine) {
            answerStatus(answer.question, text.kept, "kept");
            return;
        }
        doneSending();
        answerStatus(answer.question, text.sending, "sending");
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({action: "answer", ...answer}));
            sending = {
                question: answer.question,
                timer: window.setTimeout(() => {
                    sending = null;
                    answerStatus(answer.question, text.kept, "kept");
                    dropSocket(); // a new one opens; the answer goes again with its first state
                }, REPLY_MS),
            };
            return;
        }
        const data = new FormData();
        data.append("question", answer.question);
        (Array.isArray(answer.value) ? answer.value : [answer.value]).forEach((value) =>
            data.append("value", value),
        );
        sending = {question: answer.question, timer: null};
        const controller = new AbortController();
        sending.timer = window.setTimeout(() => controller.abort(), REPLY_MS);
        fetch(window.location.pathname, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {Accept: "application/json", "X-CSRFToken": root.dataset.csrf},
            signal: controller.signal,
        })
            .then((response) => response.json())
            .then((state) => {
                doneSending();
                apply(state);
            })
            .catch(() => {
                doneSending();
                answerStatus(answer.question, text.kept, "kept");
            });
    }

    // Each state tells the phone what became of the answer it keeps.
    function settle(state) {
        if (sending && (state.answered || state.question !== sending.question)) doneSending();
        if (!kept || sending) return;
        if (state.question === kept.question && state.answered) {
            keep(null); // recorded (maybe before the network went): the screen says so
        } else if (state.question === kept.question) {
            if (state.paused) showNote(text.keptPaused);
            else sendAnswer(kept);
        } else {
            const question = kept.question;
            keep(null);
            showNote(text.closed.replace("{}", question + 1));
        }
    }

    function answered(form, submitter) {
        const data = new FormData(form);
        if (submitter && submitter.name) data.append(submitter.name, submitter.value);
        const question = Number(data.get("question"));
        if (sending && sending.question === question) return; // a second tap while it goes
        // A number or a text: one value; choices (a button, ticked boxes): a list.
        const typed = form.querySelector(TYPED);
        const values = data.getAll("value");
        const answer = {question, value: typed ? values[0] || "" : values};
        keep(answer);
        sendAnswer(answer);
    }

    // The projector's controls: through the socket when it is open, else a plain request.
    function act(action, participant) {
        const message = {action};
        if (participant) message.participant = Number(participant);
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
            return;
        }
        const data = new FormData();
        data.append("action", action);
        if (participant) data.append("participant", participant);
        fetch(root.dataset.actionUrl, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {Accept: "application/json", "X-CSRFToken": root.dataset.csrf},
        })
            .then((response) => response.json())
            .then(apply)
            .catch(() => showStatus(text.sendFailed));
    }

    function submitted(event) {
        const form = event.target.closest("form");
        if (!form || !root.contains(form)) return;
        event.preventDefault();
        if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
        if (form.hasAttribute("data-post")) {
            postForm(form, new FormData(form));
            return;
        }
        if (role === "participant") {
            answered(form, event.submitter);
            return;
        }
        const data = new FormData(form);
        if (event.submitter && event.submitter.name) {
            data.append(event.submitter.name, event.submitter.value);
        }
        act(data.get("action"), data.get("participant"));
    }

    // A form of its own (the projector's new question): posted to its address; a refusal is
    // shown inside it, and once done it is emptied and closed.
    function postForm(form, data) {
        const note = form.querySelector("[data-form-status]");
        fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {Accept: "application/json", "X-CSRFToken": root.dataset.csrf},
        })
            .then((response) => response.json())
            .then((state) => {
                if (state.type === "refused") {
                    if (note) {
                        note.textContent = state.message;
                        note.hidden = false;
                    }
                    return;
                }
                if (note) note.hidden = true;
                form.reset();
                const details = form.closest("details");
                if (details) details.open = false;
                apply(state);
            })
            .catch(() => {
                if (note) {
                    note.textContent = text.sendFailed;
                    note.hidden = false;
                }
            });
    }

    // The projector's keys, whatever has focus (a button just clicked, "Plein écran"), except
    // a field being typed in: → or space or Page↓ (a presenter's remote) the next step, R the
    // correction, Page↑ back to the correction of the question on screen, P pause or resume,
    // B (or ".", as remotes send it) a black screen, and back.
    const black = root.querySelector("[data-black-screen]");
    const blackButton = root.querySelector("[data-black-button]");

    function setBlack(on) {
        if (!black) return;
        black.hidden = !on;
        if (blackButton) blackButton.setAttribute("aria-pressed", on ? "true" : "false");
    }

    function typing(target) {
        return target.closest && target.closest("input, select, textarea, [contenteditable]");
    }

    function keyPressed(event) {
        if (role !== "projector" || event.ctrlKey || event.metaKey || event.altKey) return;
        if (typing(event.target)) return;
        const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
        const command = {
            ArrowRight: "next",
            " ": "next",
            PageDown: "next",
            r: "reveal",
            PageUp: "back",
            p: "pause",
            b: "black",
            ".": "black",
        }[key];
        if (!command) return;
        // Not the focused control's own use of the key (space would press "Reprendre" again).
        event.preventDefault();
        event.stopPropagation();
        if (event.repeat) return; // a key held down is one press
        const blackOn = black && !black.hidden;
        if (command === "black") {
            setBlack(!blackOn);
        } else if (blackOn) {
            setBlack(false); // the screen comes back first, as a slide show's does
        } else if (command === "back") {
            if (root.dataset.phase === "question") act("reveal");
        } else if (command === "pause") {
            const screen = stage.querySelector("[data-paused]");
            act(screen && screen.dataset.paused === "true" ? "resume" : "pause");
        } else {
            act(command);
        }
    }

    // Space on a focused button presses it when the key goes up: not on the projector.
    function keyReleased(event) {
        if (role === "projector" && event.key === " " && !typing(event.target)) {
            event.preventDefault();
        }
    }

    // Timers: the time left, counted on the phone from the server's deadline.
    function startTimers() {
        stage.querySelectorAll("[data-deadline]").forEach((element) => {
            const deadline = Date.parse(element.dataset.deadline);
            const tick = () => {
                if (!element.isConnected) return;
                const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
                element.textContent = left > 0 ? text.timeLeft.replace("{}", left) : text.timeUp;
                if (left > 0) window.setTimeout(tick, 500);
            };
            tick();
        });
    }

    // Connection: a socket, reopened when it drops; meanwhile, or where sockets are blocked,
    // the state is polled. "Connexion perdue" only when neither reaches the server.
    function poll() {
        fetch(root.dataset.stateUrl, {
            credentials: "same-origin",
            headers: {Accept: "application/json"},
        })
            .then((response) => {
                if (response.status === 403) {
                    stop(text.gone);
                    return null;
                }
                return response.json();
            })
            .then((state) => {
                if (!state || !pollTimer) return;
                pollWorks = true;
                apply(state);
            })
            .catch(() => {
                pollWorks = false;
                if (pollTimer) showStatus(text.lost);
            });
    }

    function startPolling() {
        if (pollTimer || stopped) return;
        pollTimer = window.setInterval(poll, POLL_MS);
        poll();
    }

    function stopPolling() {
        window.clearInterval(pollTimer);
        pollTimer = null;
        pollWorks = false;
    }

    function connect() {
        window.clearTimeout(retryTimer);
        if (stopped || socket) return; // connecting or open already
        if (!("WebSocket" in window) || typeof window.WebSocket !== "function") {
            startPolling();
            return;
        }
        const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        let ws;
        try {
            ws = new WebSocket(scheme + window.location.host + root.dataset.socket);
        } catch (error) {
            startPolling();
            return;
        }
        socket = ws;
        ws.onopen = () => {
            if (socket !== ws) return;
            failures = 0;
            stopPolling();
            showStatus("");
        };
        ws.onmessage = (event) => apply(JSON.parse(event.data));
        ws.onclose = (event) => {
            if (socket === ws) lost(event.code); // not a socket given up already
        };
    }

    // The socket is gone: polling until it is back (for good where sockets are blocked).
    function lost(code) {
        socket = null;
        if (sending) {
            const question = sending.question;
            doneSending();
            answerStatus(question, text.kept, "kept");
        }
        if (code === 4001 || code === 4403) {
            stop(code === 4403 ? text.gone : "");
            return;
        }
        failures += 1;
        startPolling();
        if (!navigator.onLine) showStatus(text.lost);
        // Polling works: the socket is tried again now and then, quietly.
        const delay = pollWorks ? 15000 : Math.min(500 * failures, 4000);
        retryTimer = window.setTimeout(connect, delay);
    }

    // A socket that no longer answers (the network went without a word): given up now rather
    // than after its closing handshake, which waits for a server it cannot reach.
    function dropSocket() {
        const ws = socket;
        if (!ws) return;
        lost(1006);
        ws.close();
    }

    function stop(message) {
        stopped = true;
        stopPolling();
        window.clearTimeout(retryTimer);
        if (message) showStatus(message);
        if (socket) socket.close();
    }

    function wakeUp() {
        if (document.visibilityState === "visible" && !stopped) {
            failures = 0;
            connect();
        }
    }

    function wentOffline() {
        dropSocket(); // a socket would not notice for a long while
        showStatus(text.lost);
    }

    root.addEventListener("submit", submitted);
    document.addEventListener("keydown", keyPressed, true);
    document.addEventListener("keyup", keyReleased, true);
    document.addEventListener("visibilitychange", wakeUp);
    window.addEventListener("online", wakeUp);
    window.addEventListener("offline", wentOffline);
    const fullscreen = root.querySelector("[data-fullscreen]");
    if (fullscreen && document.fullscreenEnabled) {
        fullscreen.hidden = false;
        fullscreen.addEventListener("click", () => root.requestFullscreen());
    }
    if (blackButton && black) {
        blackButton.hidden = false;
        blackButton.addEventListener("click", () => setBlack(black.hidden));
        black.addEventListener("click", () => setBlack(false));
    }
    startTimers();
    connect();
})();
