// Live sessions. The pages work without this file (plain forms, and a reload to see what comes
// next); with it, the screen follows the session through a WebSocket, or by asking the server
// every two seconds where WebSockets are blocked. Every message carries the whole state: a
// screen that was away (a phone asleep, a network cut) catches up from the next one.
(() => {
    "use strict";
    const root = document.querySelector("[data-live]");
    if (!root) return;
    const role = root.dataset.live; // "participant" or "projector"
    const stage = root.querySelector("#live-stage");
    const announcer = root.querySelector("[data-live-announce]");
    const status = root.querySelector("[data-live-connection]");
    const POLL_MS = 2000;
    // The page's words, translated by its template.
    const text = {
        lost: root.dataset.textLost,
        sendFailed: root.dataset.textSendFailed,
        timeLeft: root.dataset.textTimeLeft,
        timeUp: root.dataset.textTimeUp,
    };
    let version = Number(root.dataset.version || 0);
    let socket = null;
    let failures = 0;
    let pollTimer = null;
    let retryTimer = null;
    let stopped = false;

    function showStatus(text) {
        if (!status) return;
        status.textContent = text;
        status.hidden = !text;
    }

    function say(text) {
        if (announcer && text && announcer.textContent !== text) announcer.textContent = text;
    }

    // The state: replace the stage when it changed, announce what happened.
    function apply(state) {
        if (!state) return;
        if (state.type === "refused") {
            say(state.message);
            showStatus(state.message);
            return;
        }
        if (state.type !== "state" || state.version < version) return;
        version = state.version;
        showStatus("");
        if (stage.innerHTML.trim() !== state.html.trim()) {
            const hadFocus = stage.contains(document.activeElement);
            stage.innerHTML = state.html;
            const screen = stage.querySelector("[data-phase]");
            if (screen) root.dataset.phase = screen.dataset.phase;
            startTimers();
            if (hadFocus) focusStage();
        }
        say(state.announce);
        updatePauseButton();
        if (state.removed) stop();
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
        button.textContent = paused ? button.dataset.labelResume : button.dataset.labelPause;
    }

    // Sending: through the socket when it is open, else a plain request.
    function post(url, data) {
        return fetch(url, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {Accept: "application/json", "X-CSRFToken": root.dataset.csrf},
        })
            .then((response) => response.json())
            .then(apply)
            .catch(() => showStatus(text.sendFailed));
    }

    function send(message, fallbackUrl, data) {
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
        } else {
            post(fallbackUrl, data);
        }
    }

    function submitted(event) {
        const form = event.target.closest("form");
        if (!form || !root.contains(form)) return;
        event.preventDefault();
        if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
        const data = new FormData(form);
        if (event.submitter && event.submitter.name) {
            data.append(event.submitter.name, event.submitter.value);
        }
        if (role === "participant") {
            const numeric = form.querySelector('input[name="value"][type="text"]');
            const values = data.getAll("value");
            const message = {
                action: "answer",
                question: Number(data.get("question")),
                value: numeric ? values[0] : values,
            };
            send(message, window.location.pathname, data);
        } else {
            const message = {action: data.get("action")};
            if (data.get("participant")) message.participant = Number(data.get("participant"));
            send(message, root.dataset.actionUrl, data);
        }
    }

    // The projector's keys: → or space for the next step, R for the correction.
    function keyPressed(event) {
        if (role !== "projector" || event.ctrlKey || event.metaKey || event.altKey) return;
        // Typing stays typing; a space on a focused control presses that control.
        if (event.target.closest("input, select, textarea, [contenteditable]")) return;
        if (event.key === " " && event.target.closest("button, summary, a")) return;
        let action = null;
        if (event.key === "ArrowRight" || event.key === " ") action = "next";
        if (event.key === "r" || event.key === "R") action = "reveal";
        if (!action) return;
        event.preventDefault();
        const data = new FormData();
        data.append("action", action);
        send({action}, root.dataset.actionUrl, data);
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

    // Connection: a socket, reopened at once when it drops; polling when it cannot open.
    function startPolling() {
        if (pollTimer || stopped) return;
        const poll = () =>
            fetch(root.dataset.stateUrl, {
                credentials: "same-origin",
                headers: {Accept: "application/json"},
            })
                .then((response) => response.json())
                .then(apply)
                .catch(() => showStatus(text.lost));
        poll();
        pollTimer = window.setInterval(poll, POLL_MS);
    }

    function stopPolling() {
        window.clearInterval(pollTimer);
        pollTimer = null;
    }

    function connect() {
        window.clearTimeout(retryTimer);
        if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
        if (!("WebSocket" in window) || typeof window.WebSocket !== "function") {
            startPolling();
            return;
        }
        const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        try {
            socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
        } catch (error) {
            startPolling();
            return;
        }
        socket.onopen = () => {
            failures = 0;
            stopPolling();
            showStatus("");
        };
        socket.onmessage = (event) => apply(JSON.parse(event.data));
        socket.onclose = (event) => {
            socket = null;
            if (event.code === 4001 || event.code === 4403) {
                stop();
                return;
            }
            failures += 1;
            if (failures >= 2) startPolling(); // blocked by the network, or the server restarts
            showStatus(text.lost);
            retryTimer = window.setTimeout(connect, Math.min(500 * failures, 4000));
        };
    }

    function stop() {
        stopped = true;
        stopPolling();
        window.clearTimeout(retryTimer);
        if (socket) socket.close();
    }

    function wakeUp() {
        if (document.visibilityState === "visible" && !stopped) {
            failures = 0;
            connect();
        }
    }

    root.addEventListener("submit", submitted);
    document.addEventListener("keydown", keyPressed);
    document.addEventListener("visibilitychange", wakeUp);
    window.addEventListener("online", wakeUp);
    const fullscreen = root.querySelector("[data-fullscreen]");
    if (fullscreen && document.fullscreenEnabled) {
        fullscreen.hidden = false;
        fullscreen.addEventListener("click", () => root.requestFullscreen());
    }
    startTimers();
    connect();
})();
