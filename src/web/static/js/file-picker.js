// File inputs: show the Vietnamese "Chọn tệp…" button and the chosen file names instead of the browser's
// English "Choose file / No file chosen". The native input stays focusable (keyboard, screen readers).
(function () {
  var pickers = document.querySelectorAll('[data-file-picker]:not(.file-picker--enhanced)');
  Array.prototype.forEach.call(pickers, function (box) {
    var input = box.querySelector('input[type=file]');
    var button = box.querySelector('.file-picker__button');
    var name = box.querySelector('[data-file-name]');
    if (!input || !button || !name) return;
    var empty = name.textContent;
    box.classList.add('file-picker--enhanced');
    button.hidden = false;
    name.hidden = false;
    input.addEventListener('change', function () {
      var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
      name.textContent = files.length ? files.join(', ') : empty;
    });
  });
})();
