// The teacher's wall: every student at their seat with a live thumbnail (about once a second), online and
// active marks; a click opens a large view-only screen, from which the teacher may take control.
import RFB from '../novnc/core/rfb.js';

const { api, text } = window.cloudroomWall;
const wall = document.getElementById('wall');
const status = document.getElementById('wall-status');
const attendance = document.getElementById('attendance');
const viewer = document.getElementById('viewer');
const viewerScreen = document.getElementById('viewer-screen');
const csrf = document.querySelector('meta[name=_csrf]');
const csrfHeader = document.querySelector('meta[name=_csrf_header]');
const tiles = new Map();
let students = [];
let viewing = null;
let rfb = null;

function headers(json) {
  const h = { 'Accept': 'application/json' };
  if (json) h['Content-Type'] = 'application/json';
  if (csrf && csrfHeader) h[csrfHeader.content] = csrf.content;
  return h;
}

async function call(method, path, body) {
  const response = await fetch(api + path, { method, headers: headers(body !== undefined), credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) say(answer.detail || response.statusText);
  return response.ok ? answer : null;
}

function say(words) {
  status.textContent = words;
  status.hidden = !words;
}

function tileOf(student) {
  let tile = tiles.get(student.student);
  if (!tile) {
    tile = document.createElement('button');
    tile.type = 'button';
    tile.className = 'tile';
    tile.dataset.student = student.student;
    tile.innerHTML = '<img alt=""><span class="name"></span><span class="marks"></span>';
    tile.addEventListener('click', () => openViewer(tile.dataset.student, 'view'));
    wall.append(tile);
    tiles.set(student.student, tile);
  }
  return tile;
}

function render(view) {
  students = view.students;
  wall.style.gridTemplateColumns = `repeat(${view.columns}, minmax(0, 1fr))`;
  const joined = [];
  for (const s of students) {
    const tile = tileOf(s);
    if (s.row > 0) {
      tile.style.gridRow = s.row;
      tile.style.gridColumn = s.column;
    }
    tile.dataset.online = s.online;
    tile.dataset.active = s.active;
    tile.querySelector('.name').textContent = s.name;
    tile.querySelector('.marks').textContent = (s.online ? text.online : text.offline) + (s.active ? ' · ' + text.active : '');
    if (s.joinedAt) joined.push(`${s.name} · ${text.joined.replace('{0}', new Date(s.joinedAt).toLocaleTimeString(document.documentElement.lang || undefined))}`
      + ` · ${text.activeMinutes.replace('{0}', s.activeMinutes)}`);
  }
  attendance.replaceChildren(...joined.map(line => Object.assign(document.createElement('li'), { textContent: line })));
  toggle('lock', view.session.locked, text.unlock, text.lock);
  toggle('broadcast', view.session.broadcasting, text.stopShowing, text.show);
}

function toggle(id, on, onText, offText) {
  const button = document.getElementById(id);
  button.dataset.on = on;
  button.textContent = on ? onText : offText;
}

async function refreshState() {
  const view = await fetch(api, { headers: headers(false), credentials: 'same-origin' }).then(r => r.ok ? r.json() : null).catch(() => null);
  if (view) render(view);
}

// One thumbnail request per student at a time; a tile keeps its picture until a newer one has arrived.
const loading = new Set();
function refreshThumbnails() {
  for (const s of students) {
    if (!s.desktop || loading.has(s.student)) continue;
    loading.add(s.student);
    fetch(`${api}/students/${s.student}/thumbnail`, { credentials: 'same-origin', cache: 'no-store' })
      .then(r => r.status === 200 ? r.blob() : null)
      .then(blob => {
        if (!blob) return;
        const img = tiles.get(s.student).querySelector('img');
        const old = img.src;
        img.src = URL.createObjectURL(blob);
        if (old.startsWith('blob:')) URL.revokeObjectURL(old);
      })
      .catch(() => {})
      .finally(() => loading.delete(s.student));
  }
}

function openViewer(student, mode) {
  const s = students.find(x => x.student === student);
  if (!s || !s.desktop) return;
  closeViewer();
  viewing = student;
  viewer.hidden = false;
  viewer.dataset.mode = mode;
  document.getElementById('viewer-name').textContent = s.name;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  rfb = new RFB(viewerScreen, `${scheme}://${window.location.host}/gateway/desktops/${s.desktop}?mode=${mode}`, { shared: true });
  rfb.scaleViewport = true;
  rfb.viewOnly = mode !== 'control';
  rfb.addEventListener('connect', () => { viewer.dataset.state = 'connected'; });
  rfb.addEventListener('disconnect', () => { viewer.dataset.state = 'disconnected'; });
}

function closeViewer() {
  if (rfb) rfb.disconnect();
  rfb = null;
  viewing = null;
  viewer.hidden = true;
  viewerScreen.replaceChildren();
}

document.getElementById('viewer-close').addEventListener('click', closeViewer);
document.getElementById('take-control').addEventListener('click', () => { if (viewing) openViewer(viewing, 'control'); });
document.getElementById('lock').addEventListener('click', async event => {
  const on = event.target.dataset.on !== 'true';
  if (await call('PUT', '/lock', { locked: on })) { say(on ? text.lockedNow : ''); refreshState(); }
});
document.getElementById('broadcast').addEventListener('click', async event => {
  const on = event.target.dataset.on !== 'true';
  if (await call('PUT', '/broadcast', { broadcasting: on })) { say(on ? text.showingNow : ''); refreshState(); }
});
document.getElementById('message-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('message-text');
  const response = await fetch(api + '/messages', { method: 'POST', headers: headers(true), credentials: 'same-origin',
    body: JSON.stringify({ text: input.value }) });
  if (response.ok) input.value = '';
  else say((await response.json().catch(() => ({}))).detail || response.statusText);
});

refreshState();
setInterval(refreshState, 3000);
setInterval(refreshThumbnails, 1000);
