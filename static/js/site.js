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
});
