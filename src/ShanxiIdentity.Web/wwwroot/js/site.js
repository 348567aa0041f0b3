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
        var body = new URLSearchParams({ __RequestVerificationToken: token(button) });
        fetch("/captcha/new", { method: "POST", body: body, headers: { "X-Requested-With": "fetch" } })
            .then(function (response) { return response.json(); })
            .then(function (data) { replaceCaptcha(button.closest(".mb-3"), data.id); });
    });

    function replaceCaptcha(container, id) {
        var idInput = container.querySelector("[data-captcha-id]");
        if (!idInput) { return; }
        var box = idInput.closest(".mb-3");
        idInput.value = id;
        box.querySelector("[data-captcha-image]").src = "/captcha/" + id;
        box.querySelector("input[name='Captcha']").value = "";
    }

    // 获取短信验证码 with a 60-second countdown.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-sms-send]");
        if (!button) { return; }
        event.preventDefault();
        var form = button.closest("form");
        var status = button.parentElement.querySelector("[data-sms-status]");
        var url = button.getAttribute("data-sms-url") || button.getAttribute("formaction");
        var data = new FormData(form);
        fetch(url, { method: "POST", body: new URLSearchParams(data), headers: { "X-Requested-With": "fetch" } })
            .then(function (response) { return response.json(); })
            .then(function (result) {
                status.textContent = result.message;
                status.classList.toggle("text-danger", !result.sent);
                // A send behind a captcha spent it: show the next one, to answer before the next send or the form's submission.
                if (result.captcha) { replaceCaptcha(form, result.captcha); }
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
