// The pages work without this file. It makes failures of in-place (htmx) requests visible, because a save that
// silently did nothing is the worst outcome at 3 AM (nothing typed is cleared: the form stays); shows times as
// "12 min ago", ticking; switches the theme; and answers the keyboard shortcuts listed under "?".
(function () {
  "use strict";
  function show(text) {
    var banner = document.getElementById("net-error");
    if (!banner) { return; }
    banner.textContent = text;
    banner.hidden = false;
  }
  document.addEventListener("htmx:sendError", function () {
    show("Could not reach the Hotfix Log server. Nothing you typed is lost: press the button again when the connection is back.");
  });
  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr;
    var detail = "";
    try { detail = JSON.parse(xhr.responseText).detail || ""; } catch (ignored) { detail = ""; }
    if (xhr.status === 401 || xhr.status === 403) {
      show("Not saved: your session has ended or this page is out of date (" + xhr.status + "). Copy what you " +
        "typed, then reload the page and sign in again.");
      return;
    }
    show("The server refused this (" + xhr.status + ")" + (detail ? ": " + detail : "") +
      ". Nothing you typed is lost; reload the page if it keeps happening.");
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    if (e.detail.successful) {
      var banner = document.getElementById("net-error");
      if (banner) { banner.hidden = true; }
    }
  });

  // Relative times. <time class="rel" datetime="ISO">absolute</time> keeps its absolute text (shown in print)
  // beside the relative one; the absolute time in the viewer's zone is its title. The base is the server's clock
  // when the page carries data-now (so a test's fixed clock holds), moving on from there, else this machine's.
  var root = document.documentElement;
  var serverNow = Date.parse(root.getAttribute("data-now") || (document.body && document.body.getAttribute("data-now")) || "");
  var loadedAt = Date.now();
  function now() { return isNaN(serverNow) ? Date.now() : serverNow + (Date.now() - loadedAt); }
  function relative(ms) {
    var past = ms >= 0, s = Math.round(Math.abs(ms) / 1000), text;
    if (s < 45) { return "just now"; }
    var m = Math.round(s / 60), h = Math.floor(m / 60), d = Math.floor(h / 24);
    if (m < 60) { text = m + " min"; }
    else if (h < 48) { text = h + " h" + (h < 6 && m % 60 ? " " + (m % 60) + " min" : ""); }
    else { text = d + " d"; }
    return past ? text + " ago" : "in " + text;
  }
  var zoned = { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" };
  function render(t) {
    var at = Date.parse(t.getAttribute("datetime"));
    if (isNaN(at)) { return; }
    var rel = t.querySelector(".rel-text");
    if (!rel) {
      var abs = document.createElement("span");
      abs.className = "abs-text";
      abs.textContent = t.textContent;
      rel = document.createElement("span");
      rel.className = "rel-text";
      t.textContent = "";
      t.appendChild(rel);
      t.appendChild(abs);
      try { t.title = new Date(at).toLocaleString(undefined, zoned); } catch (ignored) { t.title = new Date(at).toString(); }
    }
    rel.textContent = relative(now() - at);
  }
  function tick() { Array.prototype.forEach.call(document.querySelectorAll("time.rel"), render); }
  document.addEventListener("htmx:afterSettle", tick);
  tick();
  window.setInterval(tick, 30000);

  // The theme: the header's toggle picks light or dark over the system's choice and keeps it (theme.js applies it).
  var toggle = document.getElementById("theme-toggle");
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.setAttribute("aria-pressed", String(dark()));
    toggle.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      toggle.setAttribute("aria-pressed", String(next === "dark"));
      try { window.localStorage.setItem("hotfix-theme", next); } catch (ignored) { /* this page only */ }
    });
  }

  // Keyboard shortcuts: n declare, / search, g d dashboard, g b board, ? this list. Not while typing.
  var pendingG = 0;
  function typing(e) {
    var el = e.target;
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) { return; }
    var k = e.key;
    if (pendingG && Date.now() - pendingG < 1500) {
      pendingG = 0;
      if (k === "d") { e.preventDefault(); window.location.assign("/dashboard"); return; }
      if (k === "b") { e.preventDefault(); window.location.assign("/"); return; }
    }
    pendingG = 0;
    if (k === "g") { pendingG = Date.now(); return; }
    if (k === "n") { e.preventDefault(); window.location.assign("/hotfixes/new"); return; }
    if (k === "/") {
      e.preventDefault();
      var box = document.querySelector("main input[type=search]");
      if (box) { box.focus(); box.select(); } else { window.location.assign("/search"); }
      return;
    }
    if (k === "?" && dialog && typeof dialog.showModal === "function") { e.preventDefault(); dialog.showModal(); }
  });
})();
