// runhip: upload by drag and drop with a progress bar per file. The import
// page's plain form works without this script (several files in one
// request); with it, each file is sent on its own to /import?as=json, its
// progress shown, and its outcome (or error) written under it.
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = document.getElementById('file');
  var drop = document.getElementById('drop');
  var list = document.getElementById('uploads');
  var csrf = form.querySelector('input[name=csrf]');
  var max = parseInt(form.getAttribute('data-max') || '0', 10);
  if (!input || !drop || !list || !csrf) return;
  drop.hidden = false;
  drop.tabIndex = 0;
  drop.setAttribute('role', 'button');
  drop.setAttribute('aria-label', 'Drop files here, or press Enter to choose them');
  var queue = [], busy = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function mb(n) {
    if (n < 1048576) return Math.max(1, Math.round(n / 1024)) + ' KB';
    return (n / 1048576).toFixed(n < 10485760 ? 1 : 0) + ' MB';
  }

  function row(file) {
    var li = el('li', 'upload');
    li.appendChild(el('p', 'name', file.name + ' (' + mb(file.size) + ')'));
    var bar = el('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Sending ' + file.name);
    li.appendChild(bar);
    var status = el('p', 'status note', 'Waiting');
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
        ul.appendChild(el('li', null, p.name + (p.status === 'failed' ? ' failed: ' : p.status === 'note' ? ': ' : ' warning: ') + p.message));
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
    var words = 'Imported ' + f.imported + ', already there ' + f.duplicates + ', failed ' + f.failed;
    if (f.skipped) words += ', not activity files ' + f.skipped;
    if (f.error) words = 'The import stopped: ' + f.error + '. ' + words;
    done(ui, !f.error && !f.failed && !after, words + '.', f.problems, after);
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
    ui.status.textContent = 'Sending';
    x.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        ui.bar.value = Math.round(100 * e.loaded / e.total);
        ui.status.textContent = e.loaded < e.total ? 'Sending ' + ui.bar.value + '%' : 'Importing';
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
      else if (x.status === 413) done(ui, false, 'Too large: at most ' + mb(max) + ' at once. Nothing was imported.');
      else if (x.status === 403) done(ui, false, 'Refused: reload the page, then send it again.');
      else done(ui, false, (doc && doc.error) ? doc.error : 'The server answered ' + x.status + '.');
      busy = false;
      next();
    };
    x.onerror = function () {
      done(ui, false, 'The connection broke off: nothing more came back. Try again.');
      busy = false;
      next();
    };
    x.send(fd);
  }
  function send(files) {
    for (var i = 0; i < files.length; i++) {
      var ui = row(files[i]);
      if (max && files[i].size > max) {
        done(ui, false, 'Too large: at most ' + mb(max) + ' at once. Not sent.');
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
