// A job's page follows its progress without reloading: the server's status block, read again
// every second until the work is finished. Without JavaScript the page refreshes itself.
document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("job");
    if (!box) return;
    const follow = async () => {
        let state;
        try {
            const response = await fetch(box.dataset.stateUrl, { headers: { Accept: "application/json" } });
            if (!response.ok) throw new Error(response.status);
            state = await response.json();
        } catch {
            setTimeout(follow, 3000); // offline for a moment: try again, the work goes on
            return;
        }
        const before = box.querySelector("[data-status]").dataset.status;
        box.innerHTML = state.html;
        if (state.status !== before) {
            const message = box.querySelector(".job__message");
            document.getElementById("job-announce").textContent = message ? message.textContent : "";
            // Once finished, move to what is new: the download link, or the failure.
            const target = box.querySelector(".error-summary, .button");
            if (state.finished && target) target.focus();
        }
        if (!state.finished) setTimeout(follow, 1000);
    };
    if (box.querySelector("[data-status]").dataset.status.match(/queued|running/)) setTimeout(follow, 1000);
});
