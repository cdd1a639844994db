// Signature pads (émargement): a finger or mouse draws in the canvas; the path goes into the
// form's hidden "signature" field as SVG moves and lines in a 300 × 100 box. Without
// JavaScript, the pad stays hidden and the confirmation box alone signs.
(function () {
  "use strict";

  function setUp(pad) {
    var canvas = pad.querySelector("canvas");
    var form = pad.closest("form");
    var field = form.querySelector('input[name="signature"]');
    var context = canvas.getContext("2d");
    var strokes = [];
    var drawing = false;
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
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-signature-pad]").forEach(setUp);
  });
})();
