// 扫码登录 on the login page of a computer (no CDN, no inline script, for the CSP). Only where the block is shown
// (computers): a code is asked for, its state polled every two seconds into the live region, and once the
// phone confirmed, the completion form is posted (antiforgery token; the secret is the code's HttpOnly cookie).
(function () {
    "use strict";

    var box = document.querySelector("[data-qr-sign-in]");
    if (!box || !window.fetch) { return; }
    // The same query as .qr-sign-in in site.css: a wide screen, or a computer's window zoomed in (200 % of 1280 px).
    var wide = window.matchMedia("(min-width: 992px), (min-width: 576px) and (hover: hover) and (pointer: fine)");
    var image = box.querySelector("[data-qr-image]");
    var progress = box.querySelector("[data-qr-progress]");
    var refresh = box.querySelector("[data-qr-refresh]");
    var form = box.querySelector("[data-qr-complete]");
    var current = null;
    var timer = null;

    // The block is cached for every visitor and holds no token: the page's password form has it.
    function token() {
        var input = document.querySelector("input[name='__RequestVerificationToken']");
        return input ? input.value : "";
    }

    // A live region repeats nothing it already said.
    function say(text) {
        if (progress.textContent !== text) { progress.textContent = text; }
    }

    function stop() {
        if (timer) { clearInterval(timer); timer = null; }
    }

    // Expired, cancelled or refused: nobody should scan the old code; 刷新二维码 asks for a new one.
    function offerRefresh(message) {
        stop();
        current = null;
        image.hidden = true;
        image.removeAttribute("src");
        image.removeAttribute("data-qr-link");
        refresh.hidden = false;
        say(message);
    }

    function create() {
        stop();
        refresh.hidden = true;
        say("正在生成二维码…");
        fetch(box.getAttribute("data-new-url"), {
            method: "POST",
            body: new URLSearchParams({ __RequestVerificationToken: token() }),
            headers: { "X-Requested-With": "fetch" },
            credentials: "same-origin"
        })
            .then(function (response) { return response.json(); })
            .then(function (data) {
                if (!data.id) { offerRefresh(data.message || "操作过于频繁，请稍后再试"); return; }
                current = data;
                image.src = data.image;
                image.setAttribute("data-qr-link", data.link);
                image.hidden = false;
                say("等待扫码");
                timer = setInterval(poll, 2000);
            })
            .catch(function () { offerRefresh("二维码生成失败，请点击“刷新二维码”重试"); });
    }

    function poll() {
        var code = current;
        if (!code) { return; }
        fetch(code.status, { headers: { "X-Requested-With": "fetch" }, cache: "no-store", credentials: "same-origin" })
            .then(function (response) { return response.json(); })
            .then(function (data) {
                if (code !== current) { return; }
                if (data.state === "confirmed") {
                    stop();
                    say(data.message);
                    form.action = code.complete;
                    var field = document.createElement("input");
                    field.type = "hidden";
                    field.name = "__RequestVerificationToken";
                    field.value = token();
                    form.appendChild(field);
                    form.submit();
                } else if (data.state === "expired" || data.state === "cancelled") {
                    offerRefresh(data.message);
                } else if (data.message) {
                    say(data.message);
                }
            })
            .catch(function () { /* the next tick asks again */ });
    }

    refresh.addEventListener("click", create);

    // A window widened later gets its code then; a narrow one never asks for one.
    function start() {
        if (wide.matches && !current && !timer && refresh.hidden) { create(); }
    }

    start();
    if (wide.addEventListener) { wide.addEventListener("change", start); }
})();
