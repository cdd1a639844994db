// Signature pads (émargement): a finger or mouse draws in the canvas; the path goes into the
// form's hidden "signature" field as SVG moves and lines in a 300 × 100 box. Without
// JavaScript, the pad stays hidden and the confirmation box alone signs.
// Nothing signed is lost: a drawn signature is kept in the tab when the form is sent, and drawn
// again if the form comes back (the room's code refused, say); a phone offline holds the form
// and sends it when the network returns, saying so meanwhile.
(function () {
  "use strict";

  function setUp(pad) {
    var canvas = pad.querySelector("canvas");
    var form = pad.closest("form");
    var field = form.querySelector('input[name="signature"]');
    var context = canvas.getContext("2d");
    var strokes = [];
    var drawing = false;
    var status = form.querySelector("[data-signature-status]");
    var key = "signature:" + form.getAttribute("action");
    var waiting = false;
    pad.hidden = false;
    context.lineWidth = 4;
    context.lineCap = "round";
    context.lineJoin = "round";

    function point(event) {
      var box = canvas.getBoundingClientRect();
      var x = Math.max(0, Math.min(300, ((event.clientX - box.left) / box.width) * 300));
      var y = Math.max(0, Math.min(100, ((event.clientY - box.top) / box.height) * 100));
      return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    }

    function write() {
      field.value = strokes
        .map(function (stroke) {
          return stroke
            .map(function (p, i) { return (i ? "L" : "M") + p[0] + " " + p[1]; })
            .join(" ");
        })
        .join(" ");
    }

    function redraw() {
      context.clearRect(0, 0, canvas.width, canvas.height);
      strokes.forEach(function (stroke) {
        context.beginPath();
        stroke.forEach(function (p, i) {
          if (i) context.lineTo(p[0] * 2, p[1] * 2);
          else context.moveTo(p[0] * 2, p[1] * 2);
        });
        context.stroke();
      });
    }

    // "M10 20 L30 40 M…" (as write() makes it) back into strokes.
    function parse(path) {
      var tokens = path.trim().split(/\s+/);
      var read = [];
      for (var i = 0; i + 1 < tokens.length; i += 2) {
        var p = [parseFloat(tokens[i].slice(1)), parseFloat(tokens[i + 1])];
        if (isNaN(p[0]) || isNaN(p[1])) return [];
        if (tokens[i].charAt(0) === "M" || !read.length) read.push([p]);
        else read[read.length - 1].push(p);
      }
      return read;
    }

    function keep(path) {
      try {
        if (path) sessionStorage.setItem(key, path);
        else sessionStorage.removeItem(key);
      } catch (error) { /* storage refused (private mode): the form works as before */ }
    }

    function kept() {
      try { return sessionStorage.getItem(key) || ""; } catch (error) { return ""; }
    }

    canvas.addEventListener("pointerdown", function (event) {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      var p = point(event);
      strokes.push([p]);
      context.beginPath();
      context.moveTo(p[0] * 2, p[1] * 2);
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      var p = point(event);
      strokes[strokes.length - 1].push(p);
      context.lineTo(p[0] * 2, p[1] * 2);
      context.stroke();
      event.preventDefault();
    });
    function stop() {
      if (!drawing) return;
      drawing = false;
      var last = strokes[strokes.length - 1];
      if (last.length === 1) last.push([last[0][0] + 0.5, last[0][1]]); // a dot
      write();
    }
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    pad.querySelector("[data-signature-clear]").addEventListener("click", function () {
      strokes = [];
      context.clearRect(0, 0, canvas.width, canvas.height);
      write();
      keep("");
    });

    if (kept()) {
      strokes = parse(kept());
      redraw();
      write();
      if (strokes.length && status) status.textContent = status.getAttribute("data-kept");
    }

    form.addEventListener("submit", function (event) {
      keep(field.value);
      if (navigator.onLine !== false) return;
      event.preventDefault();
      if (status) status.textContent = status.getAttribute("data-offline");
      if (waiting) return;
      waiting = true;
      window.addEventListener("online", function () {
        waiting = false;
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      }, { once: true });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-signature-pad]").forEach(setUp);
  });
})();
