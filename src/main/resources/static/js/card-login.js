// Card login: sends camera frames (or a photo) to the server, which reads the QR code on the card.
(function () {
  const text = window.cloudroomText;
  const video = document.getElementById('camera');
  const canvas = document.getElementById('frame');
  const status = document.getElementById('card-status');
  const csrf = document.querySelector('meta[name=_csrf]');
  const csrfHeader = document.querySelector('meta[name=_csrf_header]');
  let busy = false;
  let done = false;
  // Stops after a card that is not valid (or too many of them): sending the same card on would only count against
  // this computer's address. Pressing the camera button looks again.
  let scanning = false;

  async function send(blob) {
    const body = new FormData();
    body.append('image', blob, 'card.jpg');
    const headers = {};
    if (csrf && csrfHeader) headers[csrfHeader.content] = csrf.content;
    const response = await fetch('login/card', { method: 'POST', body, headers, credentials: 'same-origin' });
    const answer = await response.json().catch(() => ({}));
    if (response.ok && answer.redirect) {
      done = true;
      status.textContent = text.welcome;
      window.location.assign(answer.redirect);
    } else if (answer.message) {
      status.textContent = answer.message;
      if (response.status === 401 || response.status === 429) scanning = false;
    }
    return response.status;
  }

  function grab() {
    if (done || !scanning) return;
    if (!busy && video.videoWidth > 0) {
      busy = true;
      const scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(blob => send(blob).catch(() => {}).finally(() => { busy = false; }), 'image/jpeg', 0.85);
    }
    setTimeout(grab, 400);
  }

  document.getElementById('start-camera').addEventListener('click', async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
      video.srcObject = stream;
      await video.play();
      document.body.classList.add('camera-on');
      status.textContent = text.looking;
      if (!scanning) {
        scanning = true;
        grab();
      }
    } catch (e) {
      status.textContent = text.noCamera;
    }
  });

  document.getElementById('card-photo').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (!file) return;
    status.textContent = text.looking;
    const code = await send(file).catch(() => 0);
    if (code === 422) status.textContent = text.notFound;
  });
})();
