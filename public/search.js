// Mounts Pagefind's ready-made search UI (index built at build time, no server).
// Pagefind matches word stems (Russian endings) and ё/е, but not typos: a word one or two
// letters away from a word in the names of the site's schools and municipalities
// (data/compare.json, already public) is corrected before searching, and the page says so.
window.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  var base = el.getAttribute('data-base') || '/';
  var note = document.getElementById('search-note');
  var words = null; // normalised words of all names
  var prefixes = null; // their first letters, for words typed in part or in another case

  function norm(w) { return w.toLowerCase().replace(/ё/g, 'е'); }

  // Optimal string alignment distance (a swap of two letters counts as one edit), capped.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // A word is known when a name word starts with it, or with it minus an ending of up to
  // three letters (Берёзовского, гимназиями): another case form, or a word typed in part.
  function known(w) {
    if (words[w]) return true;
    for (var cut = 0; cut <= 3 && w.length - cut >= 4; cut++) {
      if (prefixes[w.slice(0, Math.min(w.length - cut, 12))]) return true;
    }
    return false;
  }

  // `loose`: after a search found nothing, a word that looks like another form of a name
  // word (Черёмуховкая: a letter lost near the end) is corrected too.
  function correct(w, loose) {
    var n = norm(w);
    if (n.length < 5 || /[^а-яa-z-]/.test(n) || words[n] || (!loose && known(n))) return w;
    var max = n.length >= 8 ? 2 : 1;
    var best = null, bestD = max + 1;
    for (var k in words) {
      // Compare whole words, and the word against a name word with its ending changed.
      var d = Math.min(distance(n, k, max), distance(n.slice(0, -2), k.slice(0, -2), max));
      if (d < bestD || (d === bestD && best && k.length === n.length && best.length !== n.length)) { best = k; bestD = d; }
    }
    return best && bestD <= max ? best : w;
  }

  function fix(term, loose) {
    var changed = [];
    var out = term.replace(/[A-Za-zА-Яа-яЁё-]+/g, function (w) {
      var c = correct(w, loose);
      if (c !== w) changed.push('«' + w + '» → «' + c + '»');
      return c;
    });
    return { term: out, changed: changed };
  }

  // Served as is, not bundled, so it cannot read the catalogue: its words by page language.
  var T = document.documentElement.lang === 'en'
    ? { fixed: 'Typo corrected: ', none: /^No results/, nothing: function (t) { return 'Nothing found for “' + t + '”. '; }, retry: function (t) { return 'Search for “' + t + '”'; } }
    : { fixed: 'Исправлена опечатка: ', none: /^Ничего не найдено/, nothing: function (t) { return 'По запросу «' + t + '» ничего не найдено. '; }, retry: function (t) { return 'Искать «' + t + '»'; } };
  var retried = null; // the corrected term searched after a search that found nothing
  var offered = null; // the term a correction was offered for
  function processTerm(term) {
    if (!words) return term;
    offered = null;
    var f = fix(term, false);
    if (note && term !== retried) note.textContent = f.changed.length ? T.fixed + f.changed.join(', ') + '.' : '';
    return f.term;
  }

  fetch(base + 'data/compare.json').then(function (r) { return r.json(); }).then(function (json) {
    words = {};
    prefixes = {};
    json.schools.forEach(function (s) {
      (s.label || s.name || '').split(/[^A-Za-zА-Яа-яЁё-]+/).forEach(function (w) {
        w = norm(w);
        if (w.length < 3) return;
        words[w] = true;
        for (var i = 3; i <= Math.min(w.length, 12); i++) prefixes[w.slice(0, i)] = true;
      });
    });
  }).catch(function () {});

  var ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false, processTerm: processTerm });
  var input = el.querySelector('input');
  // Nothing found: offer the loose correction as a button (searching it by itself would
  // rewrite the box under the fingers of someone still typing).
  // Pagefind's own Russian has one form for every count («3 результатов»): the number
  // takes its form here (Intl.PluralRules: 1 результат, 3 результата, 5 результатов).
  var forms = { one: 'результат', few: 'результата', many: 'результатов', other: 'результата' };
  var rules = document.documentElement.lang === 'en' || typeof Intl === 'undefined' ? null : new Intl.PluralRules('ru');
  function pluralize(msg) {
    var m = rules && /^(\d+) результатов/.exec(msg.textContent || '');
    if (!m) return;
    var form = forms[rules.select(Number(m[1]))];
    if (form !== 'результатов') msg.textContent = msg.textContent.replace(/^(\d+) результатов/, m[1] + ' ' + form);
  }
  new MutationObserver(function () {
    var msg = el.querySelector('.pagefind-ui__message');
    if (msg) pluralize(msg);
    if (!words || !input || !note || !msg || el.querySelector('.pagefind-ui__result')) return;
    if (!T.none.test(msg.textContent || '')) return;
    var typed = input.value;
    if (typed === offered) return;
    offered = typed;
    var f = fix(typed, true);
    if (!f.changed.length) return;
    note.textContent = T.nothing(typed);
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'search-suggest';
    b.textContent = T.retry(f.term);
    b.addEventListener('click', function () {
      retried = f.term;
      note.textContent = T.fixed + f.changed.join(', ') + '.';
      ui.triggerSearch(f.term);
      input.focus();
    });
    note.appendChild(b);
  }).observe(el, { childList: true, subtree: true, characterData: true });
  if (input && el.dataset.inputLabel) input.setAttribute('aria-label', el.dataset.inputLabel);
});
