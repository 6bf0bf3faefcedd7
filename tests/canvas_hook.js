// Records what the graph's canvas draws as text: each fillText call's string and its box on the page
// (CSS pixels), from the glyphs' measured extent under the context's transform at that moment.
(function () {
  "use strict";
  var drawn = [];
  var fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    var net = this.canvas.closest && this.canvas.closest("#net");
    if (net && String(text).trim()) {
      var m = this.measureText(text), t = this.getTransform();
      var a = t.transformPoint(new DOMPoint(x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent));
      var b = t.transformPoint(new DOMPoint(x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent));
      var r = this.canvas.getBoundingClientRect(), k = r.width / this.canvas.width;
      drawn.push({ text: String(text), font: this.font, alpha: this.globalAlpha, size: (b.y - a.y) * k,
                   left: r.left + Math.min(a.x, b.x) * k, right: r.left + Math.max(a.x, b.x) * k,
                   top: r.top + Math.min(a.y, b.y) * k, bottom: r.top + Math.max(a.y, b.y) * k,
                   px: parseFloat((/(\d+(?:\.\d+)?)px/.exec(this.font) || [0, 0])[1]) * Math.hypot(t.a, t.b) * k });
    }
    return fillText.apply(this, arguments);
  };
  // the texts of the next complete frame
  window.__aigraphTexts = function () {
    return new Promise(function (resolve) {
      var net = window.aigraph.network;
      net.once("beforeDrawing", function () { drawn = []; });
      // copied when the frame ends: a frame the view had scheduled may draw again before a timeout runs
      net.once("afterDrawing", function () { var frame = drawn.slice(); setTimeout(function () { resolve(frame); }, 0); });
      net.redraw();
    });
  };
})();
