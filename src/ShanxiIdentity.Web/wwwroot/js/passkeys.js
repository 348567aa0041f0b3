// 通行密钥 (WebAuthn): 使用通行密钥登录 on the login page, and 添加通行密钥 on 我的账号.
// Shown and wired only where the browser has WebAuthn with its JSON helpers; the pages work without it.
(function () {
    "use strict";

    var pkc = window.PublicKeyCredential;
    var supported = !!(pkc && navigator.credentials && typeof pkc.parseRequestOptionsFromJSON === "function" &&
        typeof pkc.parseCreationOptionsFromJSON === "function");

    // The login page's passkey block is cached for every visitor and holds no token: the page's password form has it.
    function token(form) {
        var input = form.querySelector("input[name='__RequestVerificationToken']") ||
            document.querySelector("input[name='__RequestVerificationToken']");
        return input ? input.value : "";
    }

    // A refusal of the server (or the rate limit) is JSON with a message; anything else is a network failure.
    function post(url, data) {
        return fetch(url, {
            method: "POST", body: new URLSearchParams(data), credentials: "same-origin",
            headers: { "X-Requested-With": "fetch" }
        }).then(function (response) {
            return response.json().catch(function () { return { ok: false }; });
        });
    }

    function Messages(box) {
        var error = box.querySelector("[data-passkey-error]");
        var status = box.querySelector("[data-passkey-status]");
        return {
            working: function () { error.hidden = true; error.textContent = ""; status.textContent = box.dataset.msgWorking; },
            fail: function (text) { status.textContent = ""; error.textContent = text; error.hidden = false; }
        };
    }

    // The browser's own refusals: the person cancelled or let the prompt time out (NotAllowedError, AbortError).
    function failure(box, e) {
        if (e && (e.name === "NotAllowedError" || e.name === "AbortError")) { return box.dataset.msgCancelled; }
        if (e && e.message && e.passkey) { return e.message; }
        if (e instanceof TypeError) { return box.dataset.msgNetwork; }
        return box.dataset.msgFailed;
    }

    function refused(answer, fallback) {
        var e = new Error(answer.message || fallback);
        e.passkey = true;
        e.field = answer.field;
        return e;
    }

    document.querySelectorAll("[data-passkey-login]").forEach(function (box) {
        if (!supported) { return; }
        box.hidden = false;
        var form = box.querySelector("form");
        var button = box.querySelector("[data-passkey-signin]");
        var say = Messages(box);
        button.addEventListener("click", function () {
            button.disabled = true;
            say.working();
            post(form.dataset.optionsUrl, { __RequestVerificationToken: token(form) }).then(function (answer) {
                if (!answer.ok) { throw refused(answer, box.dataset.msgFailed); }
                return navigator.credentials.get({ publicKey: pkc.parseRequestOptionsFromJSON(answer.options) });
            }).then(function (credential) {
                return post(form.action, {
                    __RequestVerificationToken: token(form),
                    Credential: JSON.stringify(credential.toJSON()),
                    ReturnUrl: form.querySelector("input[name='ReturnUrl']").value
                });
            }).then(function (answer) {
                if (!answer.ok) { throw refused(answer, box.dataset.msgFailed); }
                window.location.assign(answer.redirect);
            }).catch(function (e) {
                say.fail(failure(box, e));
                button.disabled = false;
                button.focus();
            });
        });
    });

    document.querySelectorAll("[data-passkey-add]").forEach(function (box) {
        var form = box.querySelector("form");
        var say = Messages(box);
        if (!supported) {
            // Said on arrival, with the form that cannot work here hidden, so nobody types a password for nothing
            // (without script the form posts, and the server says the same).
            form.hidden = true;
            say.fail(box.dataset.msgUnsupported);
            return;
        }

        var button = form.querySelector("[data-passkey-add-button]");
        var name = form.querySelector("input[name='Form.Name']");
        var password = form.querySelector("input[name='Form.CurrentPassword']");
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            button.disabled = true;
            [name, password].forEach(function (input) { input.removeAttribute("aria-invalid"); });
            say.working();
            post(form.action, { __RequestVerificationToken: token(form), "Form.Name": name.value, "Form.CurrentPassword": password.value }).then(function (answer) {
                if (!answer.ok) { throw refused(answer, box.dataset.msgFailed); }
                return navigator.credentials.create({ publicKey: pkc.parseCreationOptionsFromJSON(answer.options) });
            }).then(function (credential) {
                return post(form.dataset.addUrl, {
                    __RequestVerificationToken: token(form),
                    "Form.Name": name.value,
                    "Form.Credential": JSON.stringify(credential.toJSON())
                });
            }).then(function (answer) {
                if (!answer.ok) { throw refused(answer, box.dataset.msgFailed); }
                window.location.assign(answer.redirect);
            }).catch(function (e) {
                say.fail(failure(box, e));
                button.disabled = false;
                var field = e && e.field === "Name" ? name : e && e.field === "CurrentPassword" ? password : null;
                if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); } else { button.focus(); }
            });
        });
    });
})();
