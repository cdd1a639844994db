// The projector's room code: asks the server for the current code and QR code when the shown
// one expires (the server computes it; the page never guesses it).
(function () {
  "use strict";
  var root = document.querySelector("[data-room-code]");
  if (!root) return;
  var digits = root.querySelector("[data-room-code-digits]");
  var qr = root.querySelector("[data-room-code-qr]");
  var left = root.querySelector("[data-room-code-left]");
  if (!digits) return;
  var remaining = 0;

  function refresh() {
    fetch(root.getAttribute("data-room-code"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (!state.open) { window.location.reload(); return; }
        digits.textContent = state.code;
        qr.innerHTML = state.qr;
        remaining = state.seconds_left;
      })
      .catch(function () { remaining = 2; });
  }

  setInterval(function () {
    remaining -= 1;
    if (remaining <= 0) refresh();
    else left.textContent = left.textContent.replace(/\d+/, remaining);
  }, 1000);
  refresh();
})();
