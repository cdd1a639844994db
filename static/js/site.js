// A little progressive enhancement; every page works without it.
document.addEventListener("DOMContentLoaded", () => {
    // The header's menu (a <details> that works without this): Escape closes it and gives the
    // focus back to its button.
    const menu = document.querySelector("[data-site-menu]");
    if (menu) {
        menu.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && menu.open) {
                menu.open = false;
                menu.querySelector("summary").focus();
            }
        });
    }
    // Move focus to an error summary so screen readers announce it at once.
    const summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
    // "Imprimer" buttons.
    document.querySelectorAll("[data-print]").forEach((button) => {
        button.hidden = false;
        button.addEventListener("click", () => window.print());
    });
    // A data table wider than the screen scrolls sideways: say so in it, while it does.
    const hint = document.getElementById("table-scroll-hint");
    const wraps = document.querySelectorAll(".table-wrap[role=region]");
    if (hint && wraps.length) {
        const text = hint.content.textContent.trim();
        const update = () => wraps.forEach((wrap, index) => scrollHint(wrap, `table-hint-${index}`, text));
        update();
        window.addEventListener("resize", update);
    }
    // A lesson counts as read once its end comes into view, and the reading position follows
    // the sections the reader reaches (without JavaScript, opening the lesson or its quiz
    // counts).
    const end = document.querySelector("[data-lesson-read]");
    if (end) followReading(end);
});

// How long a section's heading stays in the upper part of the screen before it counts as
// reached: scrolling past it does not move the position.
const SECTION_DWELL_MS = 1000;

function followReading(end) {
    const headings = Array.from(document.querySelectorAll(".lesson__body .lesson-heading[id]"));
    let told = null; // what the site was last told: a section's anchor, or END
    let timer = null;
    const END = "#fin";
    // Where the reader is: the end of the lesson once it is in view; else the last section whose
    // heading is above 40 % of the screen's height; else nowhere yet (the lesson's top).
    const where = () => {
        if (end.getBoundingClientRect().top < window.innerHeight) return END;
        const line = window.innerHeight * 0.4;
        let section = null;
        for (const heading of headings) {
            if (heading.getBoundingClientRect().top > line) break;
            section = heading.id;
        }
        return section;
    };
    const update = () => {
        const place = where();
        if (place === told) return;
        clearTimeout(timer);
        if (place === END) {
            told = END;
            tell(end.dataset.lessonRead, end.dataset.lessonRead);
        } else if (place) {
            timer = setTimeout(() => {
                if (where() !== place) return;
                told = place;
                const body = new URLSearchParams({ section: place });
                tell(end.dataset.lessonRead, end.dataset.lessonPosition, body);
            }, SECTION_DWELL_MS);
        }
    };
    let queued = false;
    const onScroll = () => {
        if (queued) return;
        queued = true;
        window.requestAnimationFrame(() => {
            queued = false;
            update();
        });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    update();
}

function scrollHint(wrap, id, text) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    let note = wrap.querySelector(":scope > .table-wrap__hint");
    if (scrolls && !note) {
        note = document.createElement("p");
        note.className = "table-wrap__hint";
        note.id = id;
        note.textContent = text;
        wrap.prepend(note);
    }
    if (!note) return;
    note.hidden = !scrolls;
    if (scrolls) wrap.setAttribute("aria-describedby", note.id);
    else wrap.removeAttribute("aria-describedby");
}

// The lesson page is the same for every reader (cached, without a CSRF token): ask for one
// (once), then tell the site. Nothing is shown: a failure only means the lesson is not marked,
// or the position not moved, yet.
let csrfToken = null;
let sending = Promise.resolve(); // one after the other: the end never overtaken by a section

function tell(tokenUrl, url, body) {
    sending = sending.then(() => send(tokenUrl, url, body));
}

async function send(tokenUrl, url, body) {
    try {
        if (!csrfToken) {
            const answer = await fetch(tokenUrl, { headers: { Accept: "application/json" } });
            if (!answer.ok) return;
            csrfToken = (await answer.json()).csrf_token;
        }
        await fetch(url, { method: "POST", headers: { "X-CSRFToken": csrfToken }, body, keepalive: true });
    } catch (error) {
        // Offline, or the server away: the lesson will count when its quiz is opened.
    }
}
