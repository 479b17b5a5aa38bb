// Results page: optional live refresh every 30 s while the box is ticked (remembered per tab).
(function () {
  var box = document.querySelector('[data-live-refresh]');
  if (!box) return;
  var key = 'surveys-live';
  box.checked = sessionStorage.getItem(key) === '1';
  var timer = null;
  function arm() {
    clearTimeout(timer);
    if (box.checked) timer = setTimeout(function () { location.reload(); }, 30000);
  }
  box.addEventListener('change', function () { sessionStorage.setItem(key, box.checked ? '1' : '0'); arm(); });
  arm();
})();
