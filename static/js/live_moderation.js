// The trainer's moderation page. Without this file it works with plain forms and a link to
// refresh it; with it, the list follows the answers as they arrive (asked again every three
// seconds) and each button is sent without reloading the page.
(() => {
    "use strict";
    const root = document.querySelector("[data-moderation]");
    if (!root) return;
    const list = root.querySelector("[data-moderation-items]");
    const status = root.querySelector("[data-moderation-status]");
    const REFRESH_MS = 3000;
    const headers = {Accept: "application/json"};

    function say(message) {
        status.textContent = message || "";
        status.hidden = !message;
    }

    // The list redrawn; the button that had focus keeps it (found again by its word or answer).
    function show(html) {
        if (list.innerHTML.trim() === html.trim()) return;
        const active = list.contains(document.activeElement) ? document.activeElement : null;
        const form = active && active.closest("form");
        const target = form && form.elements.target ? form.elements.target.value : null;
        list.innerHTML = html;
        if (target === null) return;
        for (const input of list.querySelectorAll('input[name="target"]')) {
            if (input.value === target) {
                input.form.querySelector("button").focus();
                break;
            }
        }
    }

    function refresh() {
        if (document.hidden) return;
        fetch(window.location.pathname, {credentials: "same-origin", headers})
            .then((response) => response.json())
            .then((state) => {
                if (state.type === "state") show(state.html);
            })
            .catch(() => {}); // the next round tries again
    }

    list.addEventListener("submit", (event) => {
        const form = event.target.closest("form");
        if (!form) return;
        event.preventDefault();
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: {...headers, "X-CSRFToken": root.dataset.csrf},
        })
            .then((response) => response.json())
            .then((state) => {
                if (state.type === "refused") {
                    say(state.message);
                } else {
                    say("");
                    show(state.html);
                }
            })
            .catch(() => say(root.dataset.textFailed));
    });
    window.setInterval(refresh, REFRESH_MS);
})();
