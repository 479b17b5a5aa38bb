// Copy buttons: <button data-copy="element-id" data-copied="message" hidden>. Shown only when the
// clipboard API is there; the code stays selectable text without JavaScript.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll('button[data-copy]').forEach(function (btn) {
    var target = document.getElementById(btn.getAttribute('data-copy'));
    if (!target) return;
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var status = btn.parentNode.querySelector('.copy-status');
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        if (status) status.textContent = btn.getAttribute('data-copied');
      });
    });
  });
})();
