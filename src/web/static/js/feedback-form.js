// Progressive enhancement of the feedback form (the form works without it):
// 1. a button that fills latitude/longitude from the browser's geolocation (the map follows);
// 2. submission through fetch with `Accept: application/json`, then straight to the status page.
//    On any error the form is submitted the normal way so the server shows its messages.
(function () {
  var form = document.querySelector('form.feedback-form');
  if (!form) return;

  var geo = form.querySelector('.feedback-form__geo');
  if (geo && navigator.geolocation) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary';
    button.textContent = geo.getAttribute('data-geo-label');
    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'feedback-form__geo-status';
    button.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = form.querySelector('#f-lat');
        lat.value = pos.coords.latitude.toFixed(6);
        form.querySelector('#f-lng').value = pos.coords.longitude.toFixed(6);
        lat.dispatchEvent(new Event('change')); // the map (feedback-map.js) follows, when it is there
        status.textContent = ' ' + geo.getAttribute('data-geo-done');
      }, function () { status.textContent = ' ' + geo.getAttribute('data-geo-failed'); });
    });
    geo.appendChild(button);
    geo.appendChild(status);
    geo.hidden = false;
  }

  var sending = false;
  form.addEventListener('submit', function (event) {
    if (!window.fetch || !window.FormData) return;
    event.preventDefault();
    if (sending) return; // a second click must not send twice
    sending = true;
    var submit = form.querySelector('button[type="submit"]');
    if (submit) submit.setAttribute('aria-disabled', 'true');
    fetch(form.action, { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        if (res.status !== 201 && res.status !== 200) throw new Error('status ' + res.status);
        return res.json();
      })
      .then(function (body) { window.location.assign(body.url.replace(/^https?:\/\/[^/]+/, '') + '?moi=1'); })
      .catch(function () { form.submit(); });
  });
})();
