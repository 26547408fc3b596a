// "My computer": starts or resumes the person's desktop and shows it with noVNC, scaled to the window.
// It reconnects by itself after a dropped network and says plainly what is happening. In a class session it follows
// the classroom's live channel: a locked screen, the teacher's screen shown instead of one's own, messages.
import RFB from '@novnc/novnc';

const { text, api, live, probe } = window.cloudroomDesktop;
const screen = document.getElementById('screen');
const screenArea = document.getElementById('screen-area');

// noVNC asks the desktop to take the size of the screen element, and asks again while the two differ. A desktop
// is whole pixels, the space under the bar rarely is: noVNC would ask ten times a second for as long as the tab is
// open, and each time the desktop sends its whole screen again to everyone watching it. So the screen element
// gets the whole pixels of its area.
function wholePixels() {
  const area = screenArea.getBoundingClientRect();
  screen.style.width = `${Math.floor(area.width)}px`;
  screen.style.height = `${Math.floor(area.height)}px`;
}
new ResizeObserver(wholePixels).observe(screenArea);
wholePixels();
const status = document.getElementById('desktop-status');
const message = document.getElementById('desktop-message');
const messageText = document.getElementById('desktop-message-text');
const clipboardText = document.getElementById('clipboard-text');
const csrf = document.querySelector('meta[name=_csrf]');
const csrfHeader = document.querySelector('meta[name=_csrf_header]');

let rfb = null;
let retries = 0;
let retryTimer = null;
let leaving = false;
// The teacher's desktop this tab shows while the teacher shows their screen to the class, else null.
let watching = null;

function show(state, words) {
  status.dataset.state = state;
  status.textContent = words;
  document.body.dataset.state = state;
  if (state !== 'connected' && state !== 'watching') linkUnknown();
}

// Whether the link to the server is poor, said in the bar instead of leaving a lagging screen looking frozen. An
// idle desktop sends no frames, so missing frames tell nothing: a HEAD of a small file every few seconds does, its
// round trip being what every key and frame waits on besides its own bytes. It goes without cookies, so no session
// is looked up or kept alive by it, and past every cache. Two slow answers in a row show the notice, two quick ones
// take it away; an answer that does not come is slow.
const SLOW_MS = 600;
const linkSlow = document.getElementById('link-slow');
let probing = false;
let slowInARow = 0;
let quickInARow = 0;

function linkIs(quick) {
  slowInARow = quick ? 0 : slowInARow + 1;
  quickInARow = quick ? quickInARow + 1 : 0;
  if (slowInARow >= 2) linkSlow.hidden = false;
  if (quickInARow >= 2) linkSlow.hidden = true;
}

function linkUnknown() {
  slowInARow = 0;
  quickInARow = 0;
  linkSlow.hidden = true;
}

async function measureLink() {
  if (probing || !rfb || document.hidden) return;
  probing = true;
  const began = performance.now();
  const late = new AbortController();
  const timer = setTimeout(() => late.abort(), 5 * SLOW_MS);
  try {
    await fetch(probe, { method: 'HEAD', cache: 'no-store', credentials: 'omit', signal: late.signal });
    if (rfb) linkIs(performance.now() - began < SLOW_MS);
  } catch (e) {
    if (rfb) linkIs(false);
  } finally {
    clearTimeout(timer);
    probing = false;
  }
}
setInterval(measureLink, 5000);

function halt(state, words) {
  show(state, words);
  messageText.textContent = words;
  message.hidden = false;
}

function headers() {
  const h = { 'Accept': 'application/json' };
  if (csrf && csrfHeader) h[csrfHeader.content] = csrf.content;
  return h;
}

async function start() {
  clearTimeout(retryTimer);
  message.hidden = true;
  show('starting', text.starting);
  // The page asked for the desktop already, while this script was on its way; that answer serves the first start.
  const asked = window.cloudroomDesktop.starting;
  window.cloudroomDesktop.starting = null;
  let response;
  try {
    response = await (asked || fetch(api, { method: 'POST', headers: headers(), credentials: 'same-origin' }));
  } catch (e) {
    return retryLater();
  }
  if (response.status === 503) {
    const problem = await response.json().catch(() => ({}));
    halt('full', text.full + (problem.detail ? ' ' + problem.detail : ''));
    retryTimer = setTimeout(start, 60000);
    return;
  }
  if (response.status === 401) {
    window.location.assign('/login');
    return;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    halt('failed', problem.detail || text.failed);
    return;
  }
  const desktop = await response.json();
  if (!watching) connect(desktop);
}

function connect(desktop) {
  open(desktop.connectPath, false);
}

function open(path, viewOnly) {
  show('connecting', text.connecting);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const mine = new RFB(screen, `${scheme}://${window.location.host}${path}`, { shared: true });
  rfb = mine;
  mine.viewOnly = viewOnly;
  mine.scaleViewport = true;
  mine.resizeSession = !viewOnly;
  mine.focusOnClick = true;
  mine.addEventListener('connect', () => {
    retries = 0;
    if (viewOnly) show('watching', text.watching);
    else show('connected', text.connected);
    mine.focus();
  });
  mine.addEventListener('disconnect', () => { if (rfb === mine) onDisconnect(); });
  mine.addEventListener('clipboard', event => {
    clipboardText.value = event.detail.text;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(event.detail.text).catch(() => {});
    }
  });
}

// Switches between one's own desktop (null) and the teacher's shown screen (its path).
function follow(path) {
  if (path === watching) return;
  watching = path;
  const old = rfb;
  rfb = null;
  if (old) old.disconnect();
  clearTimeout(retryTimer);
  if (path) open(path, true);
  else start();
}

async function onDisconnect() {
  rfb = null;
  if (leaving) return;
  if (watching) {
    // The teacher stopped showing (the channel says so next), or the network dropped: look again shortly.
    const path = watching;
    retryTimer = setTimeout(() => { if (watching === path && !rfb) open(path, true); }, 2000);
    return;
  }
  // Did the desktop end (shut down, or by an admin), or did only the connection drop?
  const response = await fetch(api, { headers: headers(), credentials: 'same-origin' }).catch(() => null);
  if (response && response.status === 404) {
    halt('ended', text.ended);
    return;
  }
  retryLater();
}

function retryLater() {
  show('reconnecting', text.reconnecting);
  const delay = Math.min(10000, 1000 * 2 ** retries++);
  retryTimer = setTimeout(start, delay);
}

// Text pasted in the browser goes to the desktop's clipboard when the desktop gets the focus back.
window.addEventListener('focus', async () => {
  if (!rfb || !navigator.clipboard || !window.isSecureContext) return;
  const clip = await navigator.clipboard.readText().catch(() => null);
  if (clip) rfb.clipboardPasteFrom(clip);
});

document.getElementById('clipboard-toggle').addEventListener('click', () => {
  const panel = document.getElementById('clipboard-panel');
  panel.hidden = !panel.hidden;
});
document.getElementById('clipboard-send').addEventListener('click', () => {
  if (rfb) rfb.clipboardPasteFrom(clipboardText.value);
});
document.getElementById('fullscreen').addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
});
document.getElementById('end-desktop').addEventListener('click', async () => {
  if (!window.confirm(text.confirmEnd)) return;
  leaving = true;
  if (rfb) rfb.disconnect();
  await fetch(api, { method: 'DELETE', headers: headers(), credentials: 'same-origin' }).catch(() => {});
  leaving = false;
  halt('ended', text.ended);
});
document.getElementById('desktop-start').addEventListener('click', start);

function listen() {
  const channel = new EventSource(live);
  channel.addEventListener('state', event => {
    const state = JSON.parse(event.data);
    document.getElementById('live-locked').hidden = !state.locked;
    document.getElementById('live-watched').hidden = !state.watched;
    document.getElementById('live-helping').hidden = !state.helping;
    document.body.dataset.locked = state.locked;
    follow(state.broadcast || null);
  });
  channel.addEventListener('message', event => {
    const message = JSON.parse(event.data);
    document.getElementById('live-message-from').textContent = text.messageFrom.replace('{0}', message.from);
    document.getElementById('live-message-text').textContent = message.text;
    document.getElementById('live-message').hidden = false;
  });
  // A limit of the desktop's was met (a program ended or did not start): the person is told why, in their language.
  channel.addEventListener('limit', event => {
    const notice = document.getElementById('limit-notice');
    const limit = JSON.parse(event.data);
    const words = notice.dataset[limit.limit];
    if (!words) return;
    document.getElementById('limit-notice-text').textContent =
      words.replace('{0}', limit.usedMb).replace('{1}', limit.quotaMb);
    notice.hidden = false;
  });
}
document.getElementById('limit-notice-ok').addEventListener('click', () => {
  document.getElementById('limit-notice').hidden = true;
});
document.getElementById('live-message-ok').addEventListener('click', () => {
  document.getElementById('live-message').hidden = true;
});
window.addEventListener('online', () => { if (!rfb && !watching) start(); });

start();
listen();
