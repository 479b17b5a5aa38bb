// Progressive-enhancement map of the feedback form and the public board (the pages work without it).
// Leaflet (served locally, hashed name in data-leaflet-js/-css) is loaded only when the map comes
// near the viewport (the board's, when asked for). Form: a click (or dragging the pin) fills latitude/longitude; typing them
// moves the pin. Board: one pin per published item whose location the moderator approved.
(function () {
  var el = document.querySelector('[data-feedback-map]');
  if (!el) return;
  var block = el.closest('.feedback-map-block') || el;
  block.hidden = false;

  function attr(name) { return el.getAttribute('data-' + name) || ''; }
  function esc(s) { return s.replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }

  // Starts once both the stylesheet and the script are in (the map measures itself on start).
  function loadLeaflet(done) {
    if (window.L) return done();
    var waiting = 2;
    function ready() { if (--waiting === 0) done(); }
    function failed() { block.hidden = true; waiting = -1; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = attr('leaflet-css');
    css.onload = ready;
    css.onerror = failed;
    document.head.appendChild(css);
    var js = document.createElement('script');
    js.src = attr('leaflet-js');
    js.onload = ready;
    js.onerror = failed;
    document.head.appendChild(js);
  }

  function pin(L) {
    return L.divIcon({ className: 'feedback-map__pin', iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10], html: '' });
  }

  function start() {
    var L = window.L;
    var center = attr('center').split(',').map(Number);
    var map = L.map(el, { zoomControl: false, attributionControl: true }).setView(center, Number(attr('zoom')) || 13);
    L.control.zoom({ zoomInTitle: attr('zoom-in'), zoomOutTitle: attr('zoom-out') }).addTo(map);
    L.tileLayer(attr('tiles'), { attribution: esc(attr('attribution')), maxZoom: 19 }).addTo(map);
    if (attr('feedback-map') === 'form') formMap(L, map);
    else boardMap(L, map);
  }

  function formMap(L, map) {
    var lat = document.getElementById('f-lat');
    var lng = document.getElementById('f-lng');
    var status = block.querySelector('[data-map-status]');
    var marker = null;
    function place(ll) {
      if (marker) { marker.setLatLng(ll); return; }
      marker = L.marker(ll, { icon: pin(L), draggable: true, keyboard: false }).addTo(map);
      marker.on('dragend', function () { fill(marker.getLatLng()); });
    }
    function fill(ll) {
      lat.value = ll.lat.toFixed(6);
      lng.value = ll.lng.toFixed(6);
      if (status) status.textContent = attr('picked').replace('{lat}', lat.value).replace('{lng}', lng.value);
    }
    function fromFields() {
      var a = parseFloat(lat.value.replace(',', '.'));
      var b = parseFloat(lng.value.replace(',', '.'));
      if (!isFinite(a) || !isFinite(b) || Math.abs(a) > 90 || Math.abs(b) > 180) return;
      place([a, b]);
      map.setView([a, b], Math.max(map.getZoom(), 16));
    }
    map.on('click', function (e) { place(e.latlng); fill(e.latlng); });
    lat.addEventListener('change', fromFields);
    lng.addEventListener('change', fromFields);
    fromFields();
  }

  function boardMap(L, map) {
    var points = JSON.parse(attr('points') || '[]');
    var bounds = [];
    points.forEach(function (p) {
      var box = document.createElement('div');
      var link = document.createElement('a');
      link.href = p.url;
      link.textContent = p.code;
      box.appendChild(link);
      box.appendChild(document.createTextNode(' · ' + p.label));
      L.marker([p.lat, p.lng], { icon: pin(L), title: p.code + ' · ' + p.label }).bindPopup(box).addTo(map);
      bounds.push([p.lat, p.lng]);
    });
    if (bounds.length) map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24] });
  }

  // The board's map is on demand (a button): its library is several times the page's own weight.
  var open = block.querySelector('[data-map-open]');
  if (open) {
    open.addEventListener('click', function () {
      open.parentNode.removeChild(open);
      el.hidden = false;
      loadLeaflet(start);
    });
    return;
  }
  if (!('IntersectionObserver' in window)) return loadLeaflet(start);
  var seen = new IntersectionObserver(function (entries) {
    if (!entries.some(function (e) { return e.isIntersecting; })) return;
    seen.disconnect();
    loadLeaflet(start);
  }, { rootMargin: '300px' });
  seen.observe(el);
})();
