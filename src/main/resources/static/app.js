// The page works without this file; it only makes failures of in-place (htmx) requests visible, because a
// save that silently did nothing is the worst outcome at 3 AM. Nothing typed is cleared: the form stays.
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
})();
