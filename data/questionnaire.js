// runhip questionnaire form: small conveniences only. The form works the
// same without this file (plain links and forms); with it, a tap on the hip
// picture ticks the matching box without reloading the page, and "None of
// these" and the other boxes of a question exclude each other.
(function () {
  'use strict';
  function sync() {
    var links = document.querySelectorAll('.hip a[data-box]');
    for (var i = 0; i < links.length; i++) {
      var box = document.getElementById(links[i].getAttribute('data-box'));
      if (!box) continue;
      links[i].classList.toggle('on', box.checked);
      links[i].setAttribute('aria-pressed', box.checked ? 'true' : 'false');
    }
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('.hip a[data-box]') : null;
    if (!a) return;
    var box = document.getElementById(a.getAttribute('data-box'));
    if (!box) return;
    ev.preventDefault();
    box.checked = !box.checked;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
  document.addEventListener('keydown', function (ev) {
    // Space on a picture area acts as on a checkbox
    if (ev.key !== ' ') return;
    var a = ev.target.closest ? ev.target.closest('.hip a[data-box]') : null;
    if (!a) return;
    ev.preventDefault();
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
  document.addEventListener('change', function (ev) {
    var box = ev.target;
    if (!box || box.type !== 'checkbox' || !box.checked) { sync(); return; }
    var set = document.getElementsByName(box.name);
    for (var i = 0; i < set.length; i++) {
      if (set[i] === box) continue;
      if (box.value === 'none' || set[i].value === 'none') set[i].checked = false;
    }
    sync();
  });
  sync();
})();
