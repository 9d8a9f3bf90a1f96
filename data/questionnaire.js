// runhip questionnaire form: small conveniences only. The form works the
// same without this file (each area of the hip picture is a button that
// sends the page and gets it back with the box ticked); with it, a tap on
// the picture ticks the matching box in place, and "None of these" and the
// other boxes of a question exclude each other.
(function () {
  'use strict';
  function boxOf(button) {
    // pick=SCREEN:WORD names the checkbox q-SCREEN-WORD
    return document.getElementById('q-' + button.value.replace(':', '-'));
  }
  function sync() {
    var areas = document.querySelectorAll('.hip [data-box]');
    for (var i = 0; i < areas.length; i++) {
      var box = document.getElementById(areas[i].getAttribute('data-box'));
      if (box) areas[i].classList.toggle('on', box.checked);
    }
    var buttons = document.querySelectorAll('.hip button.area');
    for (var j = 0; j < buttons.length; j++) {
      var b = boxOf(buttons[j]);
      if (b) buttons[j].setAttribute('aria-pressed', b.checked ? 'true' : 'false');
    }
  }
  document.addEventListener('click', function (ev) {
    var button = ev.target.closest ? ev.target.closest('.hip button.area') : null;
    if (!button) return;
    var box = boxOf(button);
    if (!box) return;
    ev.preventDefault();
    box.checked = !box.checked;
    box.dispatchEvent(new Event('change', { bubbles: true }));
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
