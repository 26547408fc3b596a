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

  function upload(file, path) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    const bar = document.createElement('progress');
    label.textContent = path;
    bar.max = file.size || 1;
    bar.value = 0;
    item.append(label, bar);
    document.getElementById('uploads').append(item);
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', config.api + '/files/' + encodePath(path));
      Object.entries(csrf).forEach(([name, value]) => xhr.setRequestHeader(name, value));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = e => { bar.value = e.loaded; };
      xhr.onload = () => {
        if (xhr.status < 300) {
          bar.value = bar.max;
          item.classList.add('done');
          label.textContent = path + ' · ' + config.text.uploaded;
        } else {
          let detail = xhr.statusText;
          try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (e) { /* not JSON */ }
          item.classList.add('failed');
          label.textContent = path + ' · ' + config.text.failed + ': ' + detail;
        }
        resolve(xhr.status < 300);
      };
      xhr.onerror = () => {
        item.classList.add('failed');
        label.textContent = path + ' · ' + config.text.failed;
        resolve(false);
      };
      xhr.send(file);
    });
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
