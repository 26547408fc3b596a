// The teacher's wall: every student at their seat with a live thumbnail (about once a second), online, watching
// and active marks; a click opens a large view-only screen, from which the teacher may take control. The whole
// room fits the window below the toolbar; the zoom makes the screens bigger, and the room then scrolls.
import RFB from '../novnc/core/rfb.js';

const { api, text } = window.cloudroomWall;
const wall = document.getElementById('wall');
const status = document.getElementById('wall-status');
const attendance = document.getElementById('attendance');
const room = document.getElementById('wall-room');
const zoom = document.getElementById('zoom');
const viewer = document.getElementById('viewer');
const viewerScreen = document.getElementById('viewer-screen');
const csrf = document.querySelector('meta[name=_csrf]');
const csrfHeader = document.querySelector('meta[name=_csrf_header]');
const tiles = new Map();
let students = [];
let grid = { rows: 1, columns: 1 };
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
    tile.innerHTML = '<img alt=""><span class="label"><span class="name"></span><span class="marks"></span></span>';
    tile.addEventListener('click', () => openViewer(tile.dataset.student, 'view'));
    wall.append(tile);
    tiles.set(student.student, tile);
  }
  return tile;
}

// The tiles' width that puts every row and column of the room within the room's area: a screen is 16:9, under
// it a line of name and marks; the zoom multiplies it.
function fit() {
  const probe = wall.querySelector('.tile');
  const gap = parseFloat(getComputedStyle(wall).columnGap) || 0;
  const frame = probe ? probe.offsetHeight - probe.querySelector('img').offsetHeight : 30;
  const side = probe ? probe.offsetWidth - probe.querySelector('img').offsetWidth : 8;
  const style = getComputedStyle(room);
  const width = room.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const height = room.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - 2;
  const byWidth = (width - (grid.columns - 1) * gap) / grid.columns;
  const byHeight = ((height - (grid.rows - 1) * gap) / grid.rows - frame) * 16 / 9 + side;
  const tile = Math.max(60, Math.floor(Math.min(byWidth, byHeight) * Number(zoom.value)));
  wall.style.gridTemplateColumns = `repeat(${grid.columns}, ${tile}px)`;
}

function render(view) {
  students = view.students;
  const unseated = students.filter(s => s.row === 0).length;
  grid = { columns: view.columns, rows: view.rows + Math.ceil(unseated / view.columns) };
  const joined = [];
  for (const s of students) {
    const tile = tileOf(s);
    if (s.row > 0) {
      tile.style.gridRow = s.row;
      tile.style.gridColumn = s.column;
    }
    tile.dataset.online = s.online || s.watching;
    tile.dataset.watching = s.watching;
    tile.dataset.active = s.active;
    tile.querySelector('.name').textContent = s.name;
    tile.querySelector('.marks').textContent = (s.watching ? text.watching : s.online ? text.online : text.offline)
      + (s.active ? ' · ' + text.active : '');
    tile.title = `${s.name} (${s.username})`;
    if (s.joinedAt) joined.push(`${s.name} · ${text.joined.replace('{0}', new Date(s.joinedAt).toLocaleTimeString(document.documentElement.lang || undefined))}`
      + ` · ${text.activeMinutes.replace('{0}', s.activeMinutes)}`);
  }
  attendance.replaceChildren(...joined.map(line => Object.assign(document.createElement('li'), { textContent: line })));
  fit();
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
  if (response.ok) {
    const { students: all, reached } = await response.json();
    input.value = '';
    say((reached > 0 ? text.messageSent : text.messageSentNone).replace('{0}', all).replace('{1}', reached));
  }
  else say((await response.json().catch(() => ({}))).detail || response.statusText);
});

// Ending the lesson is asked once more: a slip of the mouse would unlock and release the whole class.
const endAsk = document.getElementById('end-ask');
document.getElementById('end-session').addEventListener('click', () => {
  endAsk.hidden = false;
  document.getElementById('end-session-cancel').focus();
});
document.getElementById('end-session-cancel').addEventListener('click', () => { endAsk.hidden = true; });
document.addEventListener('keydown', event => { if (event.key === 'Escape') endAsk.hidden = true; });

zoom.value = localStorage.getItem('cloudroom.wall.zoom') || '1';
zoom.addEventListener('input', () => { localStorage.setItem('cloudroom.wall.zoom', zoom.value); fit(); });
window.addEventListener('resize', fit);

refreshState();
setInterval(refreshState, 3000);
setInterval(refreshThumbnails, 1000);
