// Progressive enhancement only: every form works without this file (no inline scripts, for the CSP).
(function () {
    "use strict";

    function token(element) {
        var form = element.closest("form") || document.querySelector("form");
        var input = form && form.querySelector("input[name='__RequestVerificationToken']");
        return input ? input.value : "";
    }

    // 看不清？换一张: a fresh captcha from the server, without reloading the form.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-captcha-refresh]");
        if (!button) { return; }
        event.preventDefault();
        renewCaptcha(button.closest("[data-captcha]"), false);
    });

    // A captcha lives CaptchaService.Lifetime from its drawing (data-captcha-expires-in, in seconds, so the
    // PC's own clock need not be right). A minute before it runs out the page fetches a new one, so that an
    // expired captcha, refused with both passwords emptied, is never sent (issue #19).
    var renewAhead = 60 * 1000;

    function startCaptchaClock(box) {
        var seconds = Number(box.getAttribute("data-captcha-expires-in")) || 0;
        box.captchaDeadline = Date.now() + (seconds * 1000);
    }

    function captchaStale(box) {
        return !!box && typeof box.captchaDeadline === "number" && Date.now() >= box.captchaDeadline - renewAhead;
    }

    // askAgain: the person's answer was for the old picture; clear it and say so, politely, in the live region.
    function renewCaptcha(box, askAgain) {
        if (!box || box.captchaRenewing) { return Promise.resolve(); }
        box.captchaRenewing = true;
        var spoken = isSpoken(box);
        var body = new URLSearchParams({ __RequestVerificationToken: token(box), spoken: spoken ? "true" : "false" });
        return fetch("/captcha/new", { method: "POST", body: body, headers: { "X-Requested-With": "fetch" } })
            .then(function (response) { return response.json(); })
            .then(function (data) {
                var note = box.querySelector("[data-captcha-note]");
                // Refused (too many fresh captchas from this address): keep the current one and say why.
                if (!data.id) {
                    if (note) { note.textContent = data.message || "操作过于频繁，请稍后再试"; }
                    return;
                }
                replaceCaptcha(box, data.id);
                if (note) { note.textContent = askAgain ? "验证码已更新，请重新输入" : (spoken ? spokenHint : ""); }
            })
            .finally(function () { box.captchaRenewing = false; });
    }

    // 听语音验证码 (WCAG 1.1.1): switch this form to a spoken captcha of six digits, also drawn, and play it.
    // The choice rides with the form (CaptchaSpoken), so a refused form comes back spoken too.
    var spokenHint = "请输入您听到的6位数字，可用播放器重听";

    function isSpoken(box) {
        var flag = box.querySelector("[data-captcha-spoken]");
        return !!flag && flag.value === "true";
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-captcha-listen]");
        if (!button) { return; }
        event.preventDefault();
        var box = button.closest("[data-captcha]");
        box.querySelector("[data-captcha-spoken]").value = "true";
        renewCaptcha(box, false).then(function () {
            var player = box.querySelector("[data-captcha-audio]");
            player.hidden = false;
            var playing = player.play();
            if (playing && playing.catch) { playing.catch(function () { /* autoplay refused: the visible player plays it */ }); }
        });
    });

    // Before it runs out, on a timer; a sleeping computer runs no timers, so submitting checks again below.
    document.querySelectorAll("[data-captcha]").forEach(startCaptchaClock);
    setInterval(function () {
        document.querySelectorAll("[data-captcha]").forEach(function (box) {
            if (captchaStale(box)) {
                var answer = box.querySelector("input[name='Captcha']");
                renewCaptcha(box, !!answer && answer.value.trim() !== "");
            }
        });
    }, 15 * 1000);

    // Sending a form with a stale captcha would only bring it back refused: renew it instead and put the
    // person in the captcha field, with everything else they typed still in place. True when it did so.
    function heldForCaptcha(form) {
        var box = form && form.querySelector("[data-captcha]");
        if (!captchaStale(box)) { return false; }
        var answer = box.querySelector("input[name='Captcha']");
        renewCaptcha(box, true).then(function () { if (answer) { answer.focus(); } });
        return true;
    }

    document.addEventListener("submit", function (event) {
        if (heldForCaptcha(event.target)) { event.preventDefault(); }
    });

    function replaceCaptcha(container, id) {
        var idInput = container.querySelector("[data-captcha-id]");
        if (!idInput) { return; }
        var box = idInput.closest("[data-captcha]");
        idInput.value = id;
        box.querySelector("[data-captcha-image]").src = "/captcha/" + id;
        var player = box.querySelector("[data-captcha-audio]");
        if (player && isSpoken(box)) { player.src = "/captcha/" + id + "/audio"; }
        box.querySelector("input[name='Captcha']").value = "";
        startCaptchaClock(box);
    }

    // 获取短信验证码 with a 60-second countdown.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-sms-send]");
        if (!button) { return; }
        event.preventDefault();
        var form = button.closest("form");
        if (heldForCaptcha(form)) { return; }
        var status = button.parentElement.querySelector("[data-sms-status]");
        var url = button.getAttribute("data-sms-url") || button.getAttribute("formaction");
        var data = new FormData(form);
        fetch(url, { method: "POST", body: new URLSearchParams(data), headers: { "X-Requested-With": "fetch" } })
            .then(function (response) { return response.json(); })
            .then(function (result) {
                status.textContent = result.message;
                status.classList.toggle("text-danger", !result.sent);
                // A send behind a captcha spent it: show the next one, to answer before the next send or the form's submission.
                // The server's next captcha is a picture; someone listening gets a spoken one instead.
                if (result.captcha) {
                    replaceCaptcha(form, result.captcha);
                    var box = form.querySelector("[data-captcha]");
                    if (box && isSpoken(box)) { renewCaptcha(box, false); }
                }
                if (result.sent) { countdown(button, 60); }
            })
            .catch(function () { status.textContent = "网络异常，请稍后再试"; });
    });

    // 常见问题: filter as you type (the search button does the same on the server without script).
    var search = document.querySelector("[data-faq-search]");
    if (search) {
        search.addEventListener("input", function () {
            var query = search.value.trim().toLowerCase();
            var shown = 0;
            document.querySelectorAll("[data-faq-entry]").forEach(function (entry) {
                var match = query === "" || entry.textContent.toLowerCase().indexOf(query) >= 0;
                entry.hidden = !match;
                if (match) { shown += 1; }
            });
            var count = document.querySelector("[data-faq-count]");
            if (count) { count.textContent = "共 " + shown + " 个问题"; }
            var empty = document.querySelector("[data-faq-empty]");
            if (empty) { empty.hidden = shown > 0; }
        });
    }

    // 法人注册: a branch (分公司) names its 负责人 and its head office's credit code.
    var legalType = document.querySelector("[data-legal-type]");
    if (legalType) {
        var relabel = function () {
            var branch = legalType.value === "EnterpriseBranch";
            document.querySelectorAll("[data-branch-only]").forEach(function (box) { box.hidden = !branch; });
            var name = document.querySelector("label[for='RepresentativeName']");
            var id = document.querySelector("label[for='RepresentativeIdNumber']");
            if (name) { name.textContent = branch ? "负责人姓名" : "法定代表人姓名"; }
            if (id) { id.textContent = branch ? "负责人身份证号" : "法定代表人身份证号"; }
        };
        legalType.addEventListener("change", relabel);
    }

    // 下载 JSON 文件: the file arrives without leaving the page, which would still offer it with the password
    // typed; once the portal's page no longer offers it, this one is shown again saying the file went.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.hasAttribute("data-export-form") || !event.submitter || !event.submitter.hasAttribute("data-export-json")) { return; }
        var url = form.getAttribute("data-export-form");
        var tries = 0;
        var timer = setInterval(function () {
            tries += 1;
            if (tries > 60) { clearInterval(timer); return; }
            fetch(url, { cache: "no-store", headers: { "X-Requested-With": "fetch" } })
                .then(function (response) { return response.ok ? response.text() : ""; })
                .then(function (html) {
                    if (html && html.indexOf("data-export-json") < 0) {
                        clearInterval(timer);
                        window.location.replace(url + "?downloaded=true");
                    }
                })
                .catch(function () { });
        }, 1000);
    });

    // 打印 buttons.
    document.addEventListener("click", function (event) {
        if (event.target.closest("[data-print]")) { window.print(); }
    });

    function countdown(button, seconds) {
        var label = button.getAttribute("data-label") || button.textContent;
        button.setAttribute("data-label", label);
        button.disabled = true;
        var left = seconds;
        var timer = setInterval(function () {
            left -= 1;
            button.textContent = left + "秒后重新获取";
            if (left <= 0) {
                clearInterval(timer);
                button.disabled = false;
                button.textContent = label;
            }
        }, 1000);
        button.textContent = left + "秒后重新获取";
    }
})();
