// Print buttons on the weekly sheet and posters: the page prints fine without this (browser menu).
document.addEventListener('click', function (e) {
  var t = e.target;
  if (t && t.closest && t.closest('[data-print]')) { e.preventDefault(); window.print(); }
});
