// Loaded before the style sheet applies, so a page never flashes in the other theme: the theme chosen with the
// header's toggle (app.js keeps it in localStorage) wins over the system's; without a choice the system decides.
(function () {
  "use strict";
  try {
    var t = window.localStorage.getItem("hotfix-theme");
    if (t === "dark" || t === "light") { document.documentElement.setAttribute("data-theme", t); }
  } catch (ignored) { /* storage refused: the system's theme */ }
})();
