// runhip: upload by drag and drop with a progress bar per file. The import
// page's plain form works without this script (several files in one
// request); with it, each file is sent on its own to /import?as=json, its
// progress shown, and its outcome (or error) written under it. Its words
// are the page's (the JSON of #import-words, data/wording.txt [web_import]).
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = document.getElementById('file');
  var drop = document.getElementById('drop');
  var list = document.getElementById('uploads');
  var csrf = form.querySelector('input[name=csrf]');
  var max = parseInt(form.getAttribute('data-max') || '0', 10);
  // the words it says: the page's, from data/wording.txt [web_import]
  // (cli26), each %s or %d filled in order, %% a percent sign
  var wordsEl = document.getElementById('import-words');
  var words = null;
  try { words = JSON.parse(wordsEl ? wordsEl.textContent : ''); } catch (err) { words = null; }
  if (!input || !drop || !list || !csrf || !words) return;
  function say(key) {
    var args = arguments, i = 1;
    return String(words[key] || '').replace(/%%|%[ds]/g, function (m) {
      return m === '%%' ? '%' : String(args[i++]);
    });
  }
  drop.hidden = false;
  drop.tabIndex = 0;
  drop.setAttribute('role', 'button');
  drop.setAttribute('aria-label', say('js_drop_aria'));
  var queue = [], busy = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function mb(n) {
    if (n === 0) return say('js_empty'); // ux28: not "1 KB"
    if (n < 1048576) return say('js_kb', Math.max(1, Math.round(n / 1024)));
    return say('js_mb', (n / 1048576).toFixed(n < 10485760 ? 1 : 0));
  }

  function row(file) {
    var li = el('li', 'upload');
    li.appendChild(el('p', 'name', file.name + ' (' + mb(file.size) + ')'));
    var bar = el('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', say('js_sending_file', file.name));
    li.appendChild(bar);
    var status = el('p', 'status note', say('js_waiting'));
    li.appendChild(status);
    list.appendChild(li);
    return { li: li, bar: bar, status: status };
  }
  function done(ui, ok, text, problems, after) {
    ui.bar.value = 100;
    ui.bar.hidden = true;
    ui.status.className = 'status ' + (ok ? 'ok' : 'error');
    ui.status.textContent = text;
    if (problems && problems.length) {
      var ul = el('ul', 'problems');
      problems.forEach(function (p) {
        ul.appendChild(el('li', null, p.name + (p.status === 'note' ? ': ' :
          ' ' + say(p.status === 'failed' ? 'item_failed' : 'item_warning') + ' ') + p.message));
      });
      ui.li.appendChild(ul);
    }
    if (after) {
      var p = el('p', 'error', after);
      p.setAttribute('role', 'alert');
      ui.li.appendChild(p);
    }
  }
  function outcome(ui, f, after) {
    var text = say('counts', f.imported, f.duplicates, f.failed);
    if (f.skipped) text += say('counts_skipped', f.skipped);
    if (f.error) text = say('stopped', f.error) + ' ' + text;
    done(ui, !f.error && !f.failed && !after, text + '.', f.problems, after);
  }
  function next() {
    if (busy || !queue.length) return;
    busy = true;
    var job = queue.shift(), file = job.file, ui = job.ui;
    var x = new XMLHttpRequest();
    var fd = new FormData();
    fd.append('csrf', csrf.value);
    fd.append('file', file, file.name);
    x.open('POST', '/import?as=json');
    ui.status.textContent = say('js_sending');
    x.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        ui.bar.value = Math.round(100 * e.loaded / e.total);
        ui.status.textContent = e.loaded < e.total ? say('js_sending_pct', ui.bar.value) : say('js_importing');
      }
    };
    x.onload = function () {
      var doc = null;
      try { doc = JSON.parse(x.responseText); } catch (err) { doc = null; }
      if (x.status === 200 && doc && doc.files && doc.files.length) outcome(ui, doc.files[0]);
      /* every file failed: 422, each file's reason and why nothing was stored;
         ux26: that sentence ("Nothing was imported ... Nothing was stored")
         only when the file was sent alone: beside files of the same choice
         that were imported it said nothing was, under its own row */
      else if (x.status === 422 && doc && doc.files && doc.files.length) outcome(ui, doc.files[0], job.alone ? doc.error : null);
      else if (x.status === 413) done(ui, false, say('js_too_large', mb(max)));
      else if (x.status === 403) done(ui, false, say('js_refused'));
      else done(ui, false, (doc && doc.error) ? doc.error : say('js_server_status', x.status));
      busy = false;
      next();
    };
    x.onerror = function () {
      done(ui, false, say('js_broke_off'));
      busy = false;
      next();
    };
    x.send(fd);
  }
  function send(files) {
    for (var i = 0; i < files.length; i++) {
      var ui = row(files[i]);
      if (max && files[i].size > max) {
        done(ui, false, say('js_too_large_unsent', mb(max)));
        continue;
      }
      // ux28: an empty file is not sent: nothing in it to import or store
      if (files[i].size === 0) {
        done(ui, false, say('js_empty_unsent'));
        continue;
      }
      queue.push({ file: files[i], ui: ui, alone: files.length === 1 });
    }
    next();
  }
  form.addEventListener('submit', function (e) {
    if (!input.files || !input.files.length) return;
    e.preventDefault();
    send(input.files);
    input.value = '';
  });
  drop.addEventListener('click', function () { input.click(); });
  drop.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); }
  });
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files) send(e.dataTransfer.files);
  });
  // a file dropped beside the zone would make the browser leave the page
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });
})();
