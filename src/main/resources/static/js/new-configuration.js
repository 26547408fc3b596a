// Tells the person on their desktop when their school has a newer desktop profile than the one it started with.
const notice = document.getElementById('new-configuration');

async function check() {
  try {
    const response = await fetch(notice.dataset.api, { headers: { Accept: 'application/json' } });
    if (response.ok) {
      notice.hidden = !(await response.json()).newConfigurationReady;
    }
  } catch (e) {
    // offline for a moment: the next check tells
  }
}

// The first check waits until the desktop this page starts has taken the current configuration.
if (notice) {
  setInterval(check, 15000);
}
