// My files: every change goes through the drive's JSON API; uploads by XHR, to show each file's progress.
(() => {
  const config = window.cloudroomDrive;
  const main = document.getElementById('drive');
  const here = main.dataset.path || '';
  const csrf = {};
  const token = document.querySelector('meta[name=_csrf]');
  if (token) csrf[document.querySelector('meta[name=_csrf_header]').content] = token.content;
  const join = (folder, name) => (folder ? folder + '/' : '') + name;
  const encodePath = path => path.split('/').map(encodeURIComponent).join('/');

  function showError(detail, box = document.getElementById('drive-error')) {
    box.textContent = detail;
    box.hidden = false;
  }

  // Answers whether the change was made; a refusal is said in the box given, the page's own by default.
  async function call(method, url, body, box) {
    const headers = { ...csrf, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(config.api + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showError(problem.detail || response.statusText, box);
      return false;
    }
    return true;
  }

  // One small dialog names a new folder, renames, or picks the folder to move to by opening folders, never by
  // typing a path; it stays open, saying why, when the drive refuses.
  const dialog = document.getElementById('dialog');

  function ask({ title, ok, label, name, pick, exclude, act }) {
    const input = document.getElementById('dialog-name');
    const error = document.getElementById('dialog-error');
    const picker = document.getElementById('dialog-picker');
    document.getElementById('dialog-title').textContent = title;
    document.getElementById('dialog-ok').textContent = ok;
    document.getElementById('dialog-name-label').hidden = name === undefined;
    document.getElementById('dialog-name-text').textContent = label || '';
    input.value = name || '';
    input.required = name !== undefined;
    error.hidden = true;
    picker.hidden = !pick;
    let folder = here;
    const open = async path => {
      const response = await fetch(config.api + '/list?path=' + encodeURIComponent(path), { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      folder = path;
      const crumbs = document.getElementById('picker-crumbs');
      crumbs.replaceChildren();
      const names = path ? path.split('/') : [];
      [config.text.home, ...names].forEach((shown, i) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = shown;
        button.addEventListener('click', () => open(names.slice(0, i).join('/')));
        if (i > 0) crumbs.append(' / ');
        crumbs.append(button);
      });
      const list = document.getElementById('picker-folders');
      list.replaceChildren();
      const folders = (await response.json()).filter(e => e.folder && e.path !== exclude);
      for (const entry of folders) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.path = entry.path;
        button.append(folderIcon(), entry.name);
        button.addEventListener('click', () => open(entry.path));
        item.append(button);
        list.append(item);
      }
      list.hidden = folders.length === 0;
      document.getElementById('picker-empty').hidden = folders.length > 0;
    };
    if (pick) open(here);
    dialog.onsubmit = async e => {
      e.preventDefault();
      error.hidden = true;
      if (await act({ name: input.value, folder, error })) location.reload();
    };
    document.getElementById('dialog-cancel').onclick = () => dialog.close();
    dialog.showModal();
    if (name !== undefined) input.select();
  }

  function folderIcon() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'icon folder-icon');
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', '#folder-icon');
    svg.append(use);
    return svg;
  }

  // Files larger than one part go in parts: after a dropped connection the upload asks how far it got and goes on.
  const PART = 4 * 1024 * 1024;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  // Leaving the page cuts an upload off: the browser asks first, and parts already sent are given up at once
  // rather than left to take room until the server removes them.
  let uploading = 0;
  const partsUnderWay = new Set();
  window.addEventListener('beforeunload', e => {
    if (uploading > 0) {
      e.preventDefault();
      e.returnValue = config.text.uploading;
    }
  });
  window.addEventListener('pagehide', () => {
    for (const id of partsUnderWay) {
      fetch(config.api + '/uploads/' + id, { method: 'DELETE', headers: csrf, keepalive: true });
    }
  });

  function send(method, url, body, headers, onprogress) {
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, config.api + url);
      Object.entries({ ...csrf, Accept: 'application/json', ...(headers || {}) })
        .forEach(([name, value]) => xhr.setRequestHeader(name, value));
      if (onprogress) xhr.upload.onprogress = onprogress;
      xhr.onload = () => {
        let json = {};
        try { json = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        resolve({ status: xhr.status, json, statusText: xhr.statusText });
      };
      xhr.onerror = () => resolve({ status: 0, json: {}, statusText: '' });
      xhr.send(body);
    });
  }

  async function sendWhole(file, path, bar) {
    return send('PUT', '/files/' + encodePath(path), file, {}, e => { bar.value = e.loaded; });
  }

  async function sendInParts(file, path, bar, label) {
    const begun = await send('POST', '/uploads', JSON.stringify({ path, size: file.size }),
      { 'Content-Type': 'application/json' });
    if (begun.status !== 201) return begun;
    const id = begun.json.id;
    partsUnderWay.add(id);
    try {
      return await sendParts(file, path, bar, label, id);
    } finally {
      partsUnderWay.delete(id);
    }
  }

  async function sendParts(file, path, bar, label, id) {
    let offset = 0;
    for (let lost = 0; ;) {
      const end = Math.min(offset + PART, file.size);
      const answer = await send('PUT', '/uploads/' + id, file.slice(offset, end), { 'Upload-Offset': String(offset) },
        e => { bar.value = offset + e.loaded; });
      if (answer.status === 201) return answer;
      if (answer.status === 200) {
        offset = answer.json.offset;
        lost = 0;
        label.textContent = path;
        continue;
      }
      if (answer.status !== 0 && answer.status !== 409 && answer.status < 500 || ++lost > 30) return answer;
      label.textContent = path + ' · ' + config.text.resuming;
      await sleep(Math.min(30000, 1000 * 2 ** Math.min(lost, 5)));
      const where = await send('GET', '/uploads/' + id);
      if (where.status === 200) offset = where.json.offset;
      else if (where.status === 404) return where;
    }
  }

  async function upload(file, path) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    const bar = document.createElement('progress');
    label.textContent = path;
    bar.max = file.size || 1;
    bar.value = 0;
    item.append(label, bar);
    document.getElementById('uploads').append(item);
    uploading++;
    let answer;
    try {
      answer = file.size > PART ? await sendInParts(file, path, bar, label) : await sendWhole(file, path, bar);
    } finally {
      uploading--;
    }
    const ok = answer.status >= 200 && answer.status < 300;
    if (ok) {
      bar.value = bar.max;
      item.classList.add('done');
      label.textContent = path + ' · ' + config.text.uploaded;
    } else {
      item.classList.add('failed');
      label.textContent = path + ' · ' + config.text.failed + (answer.json.detail || answer.statusText
        ? ': ' + (answer.json.detail || answer.statusText) : '');
    }
    return ok;
  }

  async function uploadAll(files) {
    let all = true;
    for (const file of files) {
      all = await upload(file, join(here, file.webkitRelativePath || file.name)) && all;
    }
    if (all) location.reload();
  }

  const pick = document.getElementById('pick');
  if (pick) {
    pick.addEventListener('change', () => uploadAll([...pick.files]));
    const zone = document.getElementById('dropzone');
    zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', e => {
      e.preventDefault();
      zone.classList.remove('over');
      uploadAll([...e.dataTransfer.files]);
    });
    document.getElementById('new-folder').addEventListener('click', () => ask({
      title: config.text.newFolder, ok: config.text.makeFolder, label: config.text.folderName, name: '',
      act: ({ name, error }) => name && call('POST', '/folders', { path: join(here, name) }, error)
    }));
  }

  main.addEventListener('click', async e => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const row = button.closest('tr');
    const action = button.dataset.action;
    let done = false;
    if (action === 'rename') {
      const folder = row.dataset.path.includes('/') ? row.dataset.path.slice(0, row.dataset.path.lastIndexOf('/')) : '';
      ask({
        title: config.text.rename, ok: config.text.rename, label: config.text.renameTo, name: row.dataset.name,
        act: ({ name, error }) => name && (name === row.dataset.name
          || call('POST', '/move', { from: row.dataset.path, to: join(folder, name) }, error))
      });
    } else if (action === 'move') {
      ask({
        title: config.text.moveTo.replace('{0}', row.dataset.name), ok: config.text.moveHere, pick: true,
        exclude: row.dataset.path,
        act: ({ folder, error }) => call('POST', '/move', { from: row.dataset.path, to: join(folder, row.dataset.name) }, error)
      });
    } else if (action === 'delete') {
      done = await call('DELETE', '/files/' + encodePath(row.dataset.path));
    } else if (action === 'restore') {
      done = await call('POST', '/trash/' + row.dataset.id + '/restore');
    } else if (action === 'purge') {
      done = confirm(config.text.confirmPurge) && await call('DELETE', '/trash/' + row.dataset.id);
    }
    if (done) location.reload();
  });
})();
