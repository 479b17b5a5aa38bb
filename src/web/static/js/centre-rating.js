// Rating device at a counter: after a rating (or while idle) go back to the idle screen, which
// reloads itself every 5 s so the buttons appear as soon as the counter finishes a service.
(function () {
  var root = document.querySelector('[data-module="centre-rating"]');
  if (!root || !root.dataset.idle) return;
  var idle = !root.querySelector('form');
  var done = !!root.querySelector('.alert--success');
  if (done) setTimeout(function () { location.href = root.dataset.idle; }, 6000);
  else if (idle) setTimeout(function () { location.href = root.dataset.idle; }, 5000);
  else setTimeout(function () { location.href = root.dataset.idle; }, 120000);
})();
