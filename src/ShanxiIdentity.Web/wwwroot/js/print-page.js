// 下载我的信息's page to print: the button prints (script-src 'self' forbids an inline handler).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
