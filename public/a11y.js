// Version for the visually impaired: a switch remembered across pages (localStorage).
// The site works fully without this script; it only adds the switch.
(function () {
  var KEY = 'low-vision';
  var root = document.documentElement;
  var on = false;
  // Served as is, not bundled, so it cannot read the catalogue: its two labels by page language.
  var LABELS = root.lang === 'en' ? ['Standard version', 'High-contrast, large-print version'] : ['Обычная версия', 'Версия для слабовидящих'];
  try { on = localStorage.getItem(KEY) === '1'; } catch (e) {}
  if (on) root.classList.add(KEY);
  document.addEventListener('DOMContentLoaded', function () {
    var btn = document.getElementById('a11y-toggle');
    if (!btn) return;
    btn.hidden = false;
    btn.setAttribute('aria-pressed', String(on));
    btn.addEventListener('click', function () {
      on = !on;
      root.classList.toggle(KEY, on);
      btn.setAttribute('aria-pressed', String(on));
      btn.textContent = on ? LABELS[0] : LABELS[1];
      try { localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) {}
    });
    if (on) btn.textContent = LABELS[0];
  });
})();
