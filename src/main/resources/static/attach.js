// Evidence on a record or lesson page: paste a screenshot, drop files on the panel, or choose them. Each file is
// sent alone (multipart, with the session's CSRF token) and the panel is replaced by the server's fresh one, so
// the thumbnail or the log's first lines appear at once. Without this file the form still posts (one page load).
(function () {
  "use strict";
  function token() {
    var input = document.querySelector("form.signout input[name=_csrf]");
    return input ? input.value : "";
  }
  function fillTokens(root) {
    root.querySelectorAll("input[name=_csrf]").forEach(function (i) { if (!i.value) { i.value = token(); } });
  }
  function form() {
    return document.querySelector("form[data-attach]");
  }
  function say(text, failed) {
    var status = form() && form().querySelector("[data-attach-status]");
    if (status) {
      status.textContent = text;
      status.classList.toggle("error", !!failed);
    }
  }
  function sendOne(file) {
    var f = form();
    var data = new FormData();
    data.append("file", file, file.name || "pasted.png");
    var note = f.querySelector("input[name=note]");
    if (note && note.value) { data.append("note", note.value); }
    say("Attaching " + (file.name || "the pasted image") + "…", false);
    return fetch(f.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRF-Token": token(), "HX-Request": "true" }
    }).then(function (res) {
      return res.text().then(function (text) {
        if (!res.ok) {
          var detail = "";
          try { detail = JSON.parse(text).detail || ""; } catch (ignored) { detail = ""; }
          throw new Error((file.name || "The pasted image") + " was not attached (" + res.status + ")" +
            (detail ? ": " + detail : ""));
        }
        var holder = document.createElement("div");
        holder.innerHTML = text;
        var fresh = holder.querySelector("section#attachments");
        var old = document.getElementById("attachments");
        if (fresh && old) {
          old.replaceWith(fresh);
          wire(fresh);
        }
      });
    });
  }
  function send(files) {
    var list = Array.prototype.slice.call(files || []);
    if (!list.length || !form()) { return; }
    var done = 0;
    list.reduce(function (chain, file) {
      return chain.then(function () { return sendOne(file).then(function () { done++; }); });
    }, Promise.resolve()).then(function () {
      say(done === 1 ? "Attached." : done + " files attached.", false);
    }).catch(function (e) {
      say(e.message, true);
    });
  }
  function wire(section) {
    fillTokens(section);
    var f = section.querySelector("form[data-attach]");
    if (!f) { return; }
    var input = f.querySelector("input[type=file]");
    input.addEventListener("change", function () { send(input.files); input.value = ""; });
    f.addEventListener("submit", function (e) { e.preventDefault(); send(input.files); input.value = ""; });
    section.addEventListener("dragover", function (e) { e.preventDefault(); section.classList.add("dropping"); });
    section.addEventListener("dragleave", function () { section.classList.remove("dropping"); });
    section.addEventListener("drop", function (e) {
      e.preventDefault();
      section.classList.remove("dropping");
      send(e.dataTransfer && e.dataTransfer.files);
    });
  }
  // A pasted image anywhere on the page is evidence; pasted text stays where it was pasted.
  document.addEventListener("paste", function (e) {
    var files = e.clipboardData && e.clipboardData.files;
    if (files && files.length && form()) {
      e.preventDefault();
      send(files);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("attachments");
    if (section) { wire(section); }
  });
})();
