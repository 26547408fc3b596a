// My files: every change goes through the drive's JSON API; uploads by XHR, to show each file's progress.
(() => {
  const config = window.cloudroomDrive;
  const main = document.getElementById('drive');
  const here = main.dataset.path;
  const csrf = {};
  const token = document.querySelector('meta[name=_csrf]');
  if (token) csrf[document.querySelector('meta[name=_csrf_header]').content] = token.content;
  const join = (folder, name) => (folder ? folder + '/' : '') + name;
  const encodePath = path => path.split('/').map(encodeURIComponent).join('/');

  function showError(detail) {
    const box = document.getElementById('drive-error');
    box.textContent = detail;
    box.hidden = false;
  }

  async function call(method, url, body) {
    const headers = { ...csrf, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(config.api + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showError(problem.detail || response.statusText);
      return false;
    }
    return true;
  }

  // Files larger than one part go in parts: after a dropped connection the upload asks how far it got and goes on.
  const PART = 4 * 1024 * 1024;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

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
    const answer = file.size > PART ? await sendInParts(file, path, bar, label) : await sendWhole(file, path, bar);
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
    document.getElementById('new-folder').addEventListener('click', async () => {
      const name = prompt(config.text.folderName);
      if (name && await call('POST', '/folders', { path: join(here, name) })) location.reload();
    });
  }

  main.addEventListener('click', async e => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const row = button.closest('tr');
    const action = button.dataset.action;
    let done = false;
    if (action === 'rename') {
      const name = prompt(config.text.renameTo, row.dataset.name);
      const folder = row.dataset.path.includes('/') ? row.dataset.path.slice(0, row.dataset.path.lastIndexOf('/')) : '';
      done = name && name !== row.dataset.name && await call('POST', '/move', { from: row.dataset.path, to: join(folder, name) });
    } else if (action === 'move') {
      const folder = prompt(config.text.moveTo, here);
      done = folder !== null && await call('POST', '/move', { from: row.dataset.path, to: join(folder.replace(/^\/+|\/+$/g, ''), row.dataset.name) });
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
