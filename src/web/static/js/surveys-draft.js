// Survey form: a scale answer is saved on the first tap, and a later tap on the same scale changes it.
// Without JavaScript the form is simply sent with every answer at the end.
(function () {
  var form = document.querySelector('form[data-draft-url]');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-draft-url');
  var status = form.querySelector('[data-draft-status]');
  function show(key) {
    if (!status) return;
    status.textContent = status.getAttribute(key);
    status.hidden = false;
  }
  form.addEventListener('change', function (e) {
    var input = e.target;
    if (!input || input.type !== 'radio' || !input.closest('.scale')) return;
    var body = new URLSearchParams();
    body.set('_csrf', form.elements._csrf ? form.elements._csrf.value : '');
    body.set('nhap', form.elements.nhap ? form.elements.nhap.value : '');
    body.set('cau', input.name);
    body.set('gia_tri', input.value);
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { show(r.ok ? 'data-saved' : 'data-failed'); })
      .catch(function () { show('data-failed'); });
  });
})();
