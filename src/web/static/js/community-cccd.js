// CCCD chip-card QR on the household form: a scanner's text (typed into the QR box, ending with
// Enter) or the device camera (BarcodeDetector, where the browser has it) fills the identity
// fields at once. Without this script the "Đọc mã QR" button does the same on the server.
(function () {
  var form = document.querySelector('form[data-module="cccd-scan"]');
  if (!form) return;
  var qr = form.querySelector('#f-qr');
  function field(name) { return form.querySelector('[name="' + name + '"]'); }
  function iso(d) { return /^\d{8}$/.test(d) ? d.slice(4) + '-' + d.slice(2, 4) + '-' + d.slice(0, 2) : ''; }
  function fill(text) {
    var f = text.trim().normalize('NFC').split('|');
    if (f.length < 6 || !/^\d{12}$/.test(f[0])) return false;
    field('head_name').value = f[2].trim();
    field('head_cccd').value = f[0];
    field('head_birth_date').value = iso(f[3].trim());
    var sex = f[4].trim().toLowerCase();
    field('head_sex').value = sex === 'nam' ? 'Nam' : (sex === 'nữ' || sex === 'nu') ? 'Nữ' : '';
    if (!field('address').value) field('address').value = f[5].trim();
    qr.value = '';
    field('head_name').focus();
    return true;
  }
  qr.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && fill(qr.value)) e.preventDefault();
  });
  qr.addEventListener('paste', function () { setTimeout(function () { fill(qr.value); }, 0); });
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  var box = form.querySelector('.cccd-scan__camera');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary';
  button.textContent = document.documentElement.lang === 'en' ? 'Use the camera' : 'Dùng camera';
  box.before(button);
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      var video = document.createElement('video');
      video.setAttribute('playsinline', '');
      video.muted = true;
      video.srcObject = stream;
      box.hidden = false;
      box.replaceChildren(video);
      video.play();
      var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); box.hidden = true; };
      (function scan() {
        detector.detect(video).then(function (codes) {
          if (codes.length && fill(codes[0].rawValue)) return stop();
          setTimeout(scan, 300);
        }, function () { setTimeout(scan, 300); });
      })();
    }, function () { button.disabled = true; });
  });
})();
