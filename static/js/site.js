// A little progressive enhancement; every page works without it.
document.addEventListener("DOMContentLoaded", () => {
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
    // A lesson counts as read once its end comes into view (without JavaScript, opening its
    // quiz counts).
    const end = document.querySelector("[data-lesson-read]");
    if (end && "IntersectionObserver" in window) {
        const observer = new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting)) {
                observer.disconnect();
                markRead(end.dataset.lessonRead);
            }
        });
        observer.observe(end);
    }
});

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

// The lesson page is the same for every reader (cached, without a CSRF token): ask for one,
// then tell the site. Nothing is shown: a failure only means the lesson is not marked yet.
async function markRead(url) {
    try {
        const answer = await fetch(url, { headers: { Accept: "application/json" } });
        if (!answer.ok) return;
        const { csrf_token: token } = await answer.json();
        await fetch(url, { method: "POST", headers: { "X-CSRFToken": token } });
    } catch (error) {
        // Offline, or the server away: the lesson will count when its quiz is opened.
    }
}
