// Mounts Pagefind's ready-made search UI (index built at build time, no server).
window.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false });
  var input = el.querySelector('input');
  if (input) input.setAttribute('aria-label', 'Название школы или муниципалитета');
});
