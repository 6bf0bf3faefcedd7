// Tooltips of the funding picture: each element's <title> (the round, its investors, its sentences)
// shown as text in a box that follows the mouse, instead of the browser's slow native tooltip.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  document.querySelectorAll("#chart svg title").forEach(function (t) {
    var owner = t.parentNode;
    owner.setAttribute("data-tip", t.textContent);
    owner.removeChild(t);
  });
  function place(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, ev.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, ev.clientY - h - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  var chart = document.getElementById("chart");
  chart.addEventListener("mouseover", function (ev) {
    var owner = ev.target.closest("[data-tip]");
    if (!owner) { tip.hidden = true; return; }
    tip.textContent = owner.getAttribute("data-tip");
    tip.hidden = false;
    place(ev);
  });
  chart.addEventListener("mousemove", function (ev) { if (!tip.hidden) place(ev); });
  chart.addEventListener("mouseleave", function () { tip.hidden = true; });
  document.body.dataset.ready = "1";
})();
