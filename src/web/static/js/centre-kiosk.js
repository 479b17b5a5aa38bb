// Kiosk: take a number without losing the request on a brief network loss (retry until sent).
// Ticket slip: print button and return to the kiosk. Follow page: refresh every 30 s.
(function () {
  var kiosk = document.querySelector('[data-module="centre-kiosk"]');
  if (kiosk) {
    var offline = kiosk.querySelector('.kiosk__offline');
    var sending = kiosk.querySelector('.kiosk__sending');
    var pending = null;
    var timer = null;
    var inFlight = false;
    // One request at a time: the retry button, the timer and the `online` event may all fire at once.
    var send = function () {
      if (!pending || inFlight) return;
      var req = pending;
      inFlight = true;
      sending.hidden = false;
      fetch(req.action, { method: 'POST', body: req.body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, credentials: 'same-origin' })
        .then(function (res) {
          inFlight = false;
          pending = null;
          clearInterval(timer);
          if (res.redirected) { location.href = res.url; return; }
          return res.text().then(function (html) { document.open(); document.write(html); document.close(); });
        })
        .catch(function () {
          inFlight = false;
          sending.hidden = true;
          offline.hidden = false;
          if (!timer) timer = setInterval(send, 5000);
        });
    };
    kiosk.querySelectorAll('form').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (pending) return;
        var data = new FormData(form);
        if (e.submitter && e.submitter.name) data.set(e.submitter.name, e.submitter.value);
        pending = { action: form.action, body: new URLSearchParams(data).toString() };
        send();
      });
    });
    offline.querySelector('[data-retry]').addEventListener('click', send);
    window.addEventListener('online', send);
  }

  var slip = document.querySelector('[data-module="centre-ticket"]');
  if (slip) {
    var print = slip.querySelector('[data-print]');
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
    if (/[?&]in=1/.test(location.search)) window.print();
    setTimeout(function () { location.href = slip.dataset.return; }, 30000);
  }

  if (document.querySelector('[data-module="centre-follow"]')) {
    setTimeout(function () { location.reload(); }, 30000);
  }
})();
