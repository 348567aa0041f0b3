// 显示密码: a button after every password field that shows what was typed (people on phones mistype
// long passwords). Without this file the fields stay ordinary password fields.
(function () {
    "use strict";
    document.querySelectorAll("input[type=password][id]").forEach(function (input) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-link btn-sm px-0 password-toggle";
        button.textContent = "显示密码";
        button.setAttribute("aria-controls", input.id);
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () {
            var shown = input.type === "password";
            input.type = shown ? "text" : "password";
            button.setAttribute("aria-pressed", shown ? "true" : "false");
        });
        input.insertAdjacentElement("afterend", button);
    });
    // A password must never be submitted, autofilled or cached as shown text.
    document.addEventListener("submit", function (event) {
        event.target.querySelectorAll("[aria-controls].password-toggle[aria-pressed=true]").forEach(function (button) {
            document.getElementById(button.getAttribute("aria-controls")).type = "password";
            button.setAttribute("aria-pressed", "false");
        });
    }, true);
}());
