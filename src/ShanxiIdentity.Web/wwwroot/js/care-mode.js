// 长辈版 (care mode, MIIT's 互联网网站适老化通用设计规范): remembered by this browser, no account needed.
// Loaded in <head> so the page is drawn in the chosen mode from the first paint.
(function () {
    "use strict";
    var key = "shanxi.care-mode";
    var root = document.documentElement;

    function stored() {
        try { return window.localStorage.getItem(key) === "on"; } catch (e) { return false; }
    }

    function show(on) {
        root.classList.toggle("care-mode", on);
        document.querySelectorAll("[data-care-toggle]").forEach(function (button) {
            // The name stays 长辈版; whether it is on is the pressed state (read out by screen readers).
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
    }

    show(stored());
    document.addEventListener("DOMContentLoaded", function () {
        show(stored());
        document.addEventListener("click", function (event) {
            if (!event.target.closest("[data-care-toggle]")) { return; }
            var on = !root.classList.contains("care-mode");
            try { window.localStorage.setItem(key, on ? "on" : "off"); } catch (e) { /* private mode: this page only */ }
            show(on);
        });
    });
}());
