// Kiosk mode: after "thank you", return to a fresh form so the next citizen can answer.
(function () {
  var el = document.querySelector('[data-kiosk-reset]');
  if (el) setTimeout(function () { location.href = el.getAttribute('data-kiosk-reset'); }, 8000);
})();
