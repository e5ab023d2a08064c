// Compare island: loads the already-suppressed compare.json and shows up to five schools.
(function () {
  var MAX = 5;
  var form = document.getElementById('compare-form');
  if (!form) return;
  var input = document.getElementById('compare-input');
  var list = document.getElementById('compare-options');
  var status = document.getElementById('compare-status');
  var out = document.getElementById('compare-result');
  var base = form.getAttribute('data-base') || '/';
  var data = null;
  var chosen = [];
  try { chosen = (new URLSearchParams(location.search).get('ids') || '').split(',').filter(Boolean).slice(0, MAX); } catch (e) {}

  function el(tag, text, attrs) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = text;
    if (attrs) for (var k in attrs) n.setAttribute(k, attrs[k]);
    return n;
  }
  function render() {
    out.textContent = '';
    if (!data || chosen.length === 0) return;
    var schools = chosen.map(function (id) { return data.schools.find(function (s) { return s.id === id; }); }).filter(Boolean);
    var table = el('table');
    table.appendChild(el('caption', 'Сравнение выбранных школ'));
    var head = el('tr');
    head.appendChild(el('th', 'Показатель', { scope: 'col' }));
    schools.forEach(function (s) {
      var th = el('th', null, { scope: 'col' });
      var a = el('a', s.name, { href: base + 'school/' + s.id + '/' });
      th.appendChild(a);
      th.appendChild(el('br'));
      var rm = el('button', 'Убрать', { type: 'button', 'aria-label': 'Убрать ' + s.name });
      rm.addEventListener('click', function () {
        chosen = chosen.filter(function (x) { return x !== s.id; });
        sync();
        // The button is gone with its column: focus goes back to the box, not to the page.
        input.focus();
      });
      th.appendChild(rm);
      head.appendChild(th);
    });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var tbody = el('tbody');
    data.fields.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('th', f.label, { scope: 'row' }));
      schools.forEach(function (s) { tr.appendChild(el('td', s.values[f.key] == null ? '—' : s.values[f.key], { class: 'num' })); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var wrap = el('div', null, { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Сравнение школ' });
    wrap.appendChild(table);
    out.appendChild(wrap);
  }
  function sync() {
    try { history.replaceState(null, '', chosen.length ? '?ids=' + chosen.join(',') : location.pathname); } catch (e) {}
    status.textContent = 'Выбрано школ: ' + chosen.length + ' из ' + MAX + '.';
    render();
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!data) return;
    var v = input.value.trim();
    var s = data.schools.find(function (x) { return x.label === v || x.name === v || x.id === v; });
    if (!s) { status.textContent = 'Школа «' + v + '» не найдена. Выберите её из списка.'; return; }
    if (chosen.indexOf(s.id) >= 0) { status.textContent = 'Эта школа уже выбрана.'; return; }
    if (chosen.length >= MAX) { status.textContent = 'Можно сравнить не больше ' + MAX + ' школ. Уберите одну.'; return; }
    chosen.push(s.id);
    input.value = '';
    sync();
    input.focus();
  });
  fetch(form.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (json) {
    data = json;
    json.schools.forEach(function (s) { list.appendChild(el('option', null, { value: s.label })); });
    form.hidden = false;
    sync();
  });
})();
