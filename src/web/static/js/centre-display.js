// Queue display: live calls over SSE, full resync on every (re)connection, spoken announcements.
(function () {
  var root = document.querySelector('[data-module="centre-display"]');
  if (!root) return;
  var $ = function (s) { return root.querySelector(s); };
  var state = JSON.parse(document.getElementById('queue-state').textContent || '{}');
  var lastId = state.lastEventId || 0;
  var speech = root.dataset.speech === 'true';
  var chime = root.dataset.chime === 'true';
  var stored = localStorage.getItem('centre-display-speech');
  if (stored !== null) speech = stored === '1';
  var DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  var queue = [];
  var speaking = false;
  var es = null;
  var audio = null;

  function text(el, v) { el.textContent = v; }
  function row(counter) { return $('[data-counter="' + counter + '"] .qdisplay__num'); }

  function renderState(s) {
    s.counters.forEach(function (c) { var r = row(c.number); if (r) text(r, c.current || '—'); });
    var calls = $('[data-calls]');
    calls.innerHTML = '';
    s.lastCalls.forEach(function (c) { calls.appendChild(callItem(c)); });
    renderWaiting(s.waiting);
  }
  function callItem(c) {
    var li = document.createElement('li');
    var b = document.createElement('strong');
    text(b, c.number);
    li.appendChild(b);
    li.appendChild(document.createTextNode(' → ' + ($('thead th') || {}).textContent + ' ' + c.counter));
    return li;
  }
  function renderWaiting(w) {
    root.querySelectorAll('[data-waiting] li').forEach(function (li) {
      var n = w[li.dataset.prefix];
      if (n !== undefined) text(li.querySelector('strong'), String(n));
    });
  }

  function onCall(e) {
    var d = JSON.parse(e.data);
    lastId = Math.max(lastId, d.id);
    var r = row(d.counter);
    if (r) { text(r, d.number); r.parentNode.classList.remove('is-new'); void r.offsetWidth; r.parentNode.classList.add('is-new'); }
    var calls = $('[data-calls]');
    calls.insertBefore(callItem(d), calls.firstChild);
    while (calls.children.length > 8) calls.removeChild(calls.lastChild);
    renderWaiting(d.waiting || {});
    var msg = root.dataset.invite.replace('{number}', d.number).replace('{counter}', d.counter);
    var f = $('[data-flash]');
    text(f, msg);
    f.classList.remove('is-new'); void f.offsetWidth; f.classList.add('is-new');
    var age = Date.parse(d.serverTime) - Date.parse(d.at);
    // Announce after the browser has painted the new number: audio set-up can take a while.
    if (!(age > 60000)) setTimeout(function () { announce(d); }, 50);
  }
  function onUpdate(e) {
    var d = JSON.parse(e.data);
    lastId = Math.max(lastId, d.id);
    if (d.counter) { var r = row(d.counter); if (r) text(r, d.number || '—'); }
    renderWaiting(d.waiting || {});
  }

  function spoken(number) {
    var m = /^([A-Z]*)(\d+)$/.exec(number);
    if (!m) return number;
    return m[1].split('').join(' ') + ', ' + m[2].split('').map(function (x) { return DIGITS[+x]; }).join(' ');
  }
  // A voice for the display's language, or null: without a Vietnamese voice the browser would
  // read Vietnamese with an English one, so the display falls back to the chime and the flash.
  function voice() {
    if (!('speechSynthesis' in window)) return null;
    var lang = root.dataset.lang === 'en' ? 'en' : 'vi';
    return speechSynthesis.getVoices().filter(function (v) { return v.lang.toLowerCase().indexOf(lang) === 0; })[0] || null;
  }
  function paintVoice() { $('[data-no-voice]').hidden = !speech || !!voice(); }
  function announce(d) {
    var v = speech ? voice() : null;
    if (!v && !speech && !chime) return;
    var phrase = !v ? null : root.dataset.lang === 'en'
      ? 'Number ' + d.number.split('').join(' ') + ', counter ' + d.counter
      : 'Xin mời số ' + spoken(d.number) + ', đến quầy số ' + d.counter;
    queue.push(phrase);
    if (!speaking) next();
  }
  function next() {
    if (!queue.length) { speaking = false; return; }
    var phrase = queue.shift();
    speaking = true;
    (chime || !phrase ? ding() : Promise.resolve()).then(function () { if (phrase) say(phrase, next); else next(); });
  }
  function ding() {
    return new Promise(function (done) {
      try {
        var Ctx = window.AudioContext || window.webkitAudioContext;
        var ctx = audio || (audio = new Ctx());
        if (ctx.state === 'suspended') ctx.resume();
        [660, 880].forEach(function (f, i) {
          var o = ctx.createOscillator(); var g = ctx.createGain();
          o.frequency.value = f; o.connect(g); g.connect(ctx.destination);
          g.gain.setValueAtTime(0.25, ctx.currentTime + i * 0.35);
          g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.3);
          o.start(ctx.currentTime + i * 0.35); o.stop(ctx.currentTime + i * 0.35 + 0.32);
        });
        setTimeout(done, 800);
      } catch (err) { done(); }
    });
  }
  function say(phrase, after) {
    var v = voice();
    if (!v) return after();
    var u = new SpeechSynthesisUtterance(phrase);
    u.lang = v.lang; u.voice = v; u.rate = 0.9;
    var finished = false;
    var end = function () { if (!finished) { finished = true; after(); } };
    u.onend = end; u.onerror = end;
    setTimeout(end, 8000);
    speechSynthesis.speak(u);
  }

  var heard = Date.now();
  function offline() { $('[data-offline]').hidden = false; }
  function connect() {
    if (es) es.close();
    heard = Date.now();
    // Always resume (0 included): calls made since the page was drawn, or while offline, follow.
    var url = root.dataset.stream + '?lastEventId=' + lastId;
    es = new EventSource(url);
    ['state', 'call', 'update', 'ticket', 'ping'].forEach(function (t) { es.addEventListener(t, function () { heard = Date.now(); }); });
    es.addEventListener('state', function (e) {
      var s = JSON.parse(e.data);
      // Resume from the stream's own id, not the snapshot's newest id: events after it still follow.
      lastId = Math.max(lastId, Number(e.lastEventId) || 0);
      renderState(s);
      $('[data-offline]').hidden = true;
    });
    es.addEventListener('call', onCall);
    es.addEventListener('update', onUpdate);
    es.addEventListener('ticket', onUpdate);
    es.onerror = function () {
      offline();
      if (es.readyState === 2) setTimeout(connect, 3000);
    };
  }
  // A dropped Wi-Fi can leave the connection open but silent: pings come every 15 s.
  setInterval(function () { if (Date.now() - heard > 40000) { offline(); connect(); } }, 5000);
  window.addEventListener('offline', function () { if (es) es.close(); offline(); });

  var full = $('[data-fullscreen]');
  if (document.documentElement.requestFullscreen) {
    full.hidden = false;
    full.addEventListener('click', function () { document.documentElement.requestFullscreen(); });
  }
  var sound = $('[data-sound]');
  sound.hidden = false;
  function paintSound() {
    sound.setAttribute('aria-pressed', speech ? 'true' : 'false');
    text(sound, speech ? root.dataset.soundOff : root.dataset.soundOn);
  }
  paintSound();
  sound.addEventListener('click', function () {
    speech = !speech;
    localStorage.setItem('centre-display-speech', speech ? '1' : '0');
    paintSound();
    paintVoice();
  });
  if ('speechSynthesis' in window) speechSynthesis.addEventListener('voiceschanged', paintVoice);
  setTimeout(paintVoice, 1500);
  var clock = $('[data-clock]');
  setInterval(function () {
    var d = new Date(Date.now() + 7 * 3600000);
    text(clock, d.toISOString().slice(11, 16));
  }, 1000);
  window.addEventListener('online', function () { if (!es || es.readyState === 2) connect(); });
  connect();
})();
