// wirewatch UI behaviour: small, vanilla, optional (every page works without it).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  function setAll(open) {
    document.querySelectorAll("details.event").forEach(function (d) { d.open = open; });
  }
  document.querySelectorAll(".expand-all").forEach(function (b) { b.addEventListener("click", function () { setAll(true); }); });
  document.querySelectorAll(".collapse-all").forEach(function (b) { b.addEventListener("click", function () { setAll(false); }); });
  // A timeline dot or a permalink targets an event: open it so its evidence shows.
  function openTarget() {
    if (!location.hash) { return; }
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  // Filter forms send only the fields that are filled in: shorter URLs to share, and no empty number
  // field for the server to refuse.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) { if (!el.value) { el.disabled = true; } });
    });
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
});
