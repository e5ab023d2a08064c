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

  // A word is known when a name word starts with it, or with it minus a Russian ending.
  function known(w) {
    if (words[w]) return true;
    var stem = w.length > 5 ? w.slice(0, w.length - 2) : w;
    return !!prefixes[stem.slice(0, Math.min(stem.length, 12))];
  }

  function correct(w) {
    var n = norm(w);
    if (n.length < 5 || /[^а-яa-z-]/.test(n) || known(n)) return w;
    var max = n.length >= 8 ? 2 : 1;
    var best = null, bestD = max + 1;
    for (var k in words) {
      // Compare whole words, and the word against a name word with its ending changed.
      var d = Math.min(distance(n, k, max), distance(n.slice(0, -2), k.slice(0, -2), max));
      if (d < bestD || (d === bestD && best && k.length === n.length && best.length !== n.length)) { best = k; bestD = d; }
    }
    return best && bestD <= max ? best : w;
  }

  function processTerm(term) {
    if (!words) return term;
    var changed = [];
    var out = term.replace(/[A-Za-zА-Яа-яЁё-]+/g, function (w) {
      var c = correct(w);
      if (c !== w) changed.push('«' + w + '» → «' + c + '»');
      return c;
    });
    if (note) note.textContent = changed.length ? 'Исправлена опечатка: ' + changed.join(', ') + '.' : '';
    return out;
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

  new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false, processTerm: processTerm });
  var input = el.querySelector('input');
  if (input) input.setAttribute('aria-label', 'Название школы или муниципалитета');
});
