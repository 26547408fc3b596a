// The seat map of a computer room: click a student, then a seat, or drag the student onto it; drag a seated
// student to "Not seated" to free the seat. A seat somebody has is never taken silently: the server answers 409,
// and the admin chooses to swap the two, to move the other student to not seated, or to cancel.
const { api, students, classes, text } = window.cloudroomSeating;
const roomSelect = document.getElementById('seat-room');
const classSelect = document.getElementById('seat-class');
const map = document.getElementById('seat-map');
const unseated = document.getElementById('unseated');
const unseatedList = document.getElementById('unseated-list');
const status = document.getElementById('seat-status');
const taken = document.getElementById('seat-taken');
const csrf = document.querySelector('meta[name=_csrf]');
const csrfHeader = document.querySelector('meta[name=_csrf_header]');
const byId = new Map(students.map(s => [s.id, s]));
let seats = new Map();
let selected = null;
let pending = null;

function format(template, ...values) {
  return values.reduce((t, v, i) => t.replaceAll(`{${i}}`, v), template);
}

function say(words, bad) {
  status.textContent = words;
  status.hidden = !words;
  status.classList.toggle('bad', !!bad);
  status.classList.toggle('ok', !bad);
}

function headers(json) {
  const h = { 'Accept': 'application/json' };
  if (json) h['Content-Type'] = 'application/json';
  if (csrf && csrfHeader) h[csrfHeader.content] = csrf.content;
  return h;
}

function room() {
  const option = roomSelect.selectedOptions[0];
  return { id: option.value, rows: Number(option.dataset.rows), columns: Number(option.dataset.columns) };
}

function chip(student) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'student';
  button.draggable = true;
  button.dataset.student = student.id;
  button.textContent = student.name;
  button.title = student.username;
  button.setAttribute('aria-pressed', String(selected === student.id));
  button.addEventListener('dragstart', event => event.dataTransfer.setData('text/plain', student.id));
  button.addEventListener('click', event => {
    if (selected && selected !== student.id && button.closest('.seat')) return; // the seat takes the click
    event.stopPropagation();
    selected = selected === student.id ? null : student.id;
    say(selected ? format(text.pick, student.name) : '');
    render();
  });
  return button;
}

function render() {
  const { rows, columns } = room();
  map.style.gridTemplateColumns = `repeat(${columns}, minmax(5.5rem, 1fr))`;
  const cells = [];
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      const cell = document.createElement('div');
      cell.className = 'seat';
      cell.dataset.row = row;
      cell.dataset.column = column;
      const label = Object.assign(document.createElement('span'), { className: 'place',
        textContent: format(text.place, row, column) });
      const sitting = [...seats].find(([, s]) => s.row === row && s.column === column);
      cell.append(label, sitting && byId.has(sitting[0]) ? chip(byId.get(sitting[0]))
        : Object.assign(document.createElement('span'), { className: 'free', textContent: text.free }));
      cell.addEventListener('click', () => { if (selected) place(selected, row, column); });
      dropTarget(cell, student => place(student, row, column));
      cells.push(cell);
    }
  }
  map.replaceChildren(...cells);
  const members = classSelect.value ? new Set(classes[classSelect.value] || []) : null;
  unseatedList.replaceChildren(...students.filter(s => !seats.has(s.id) && (!members || members.has(s.id)))
    .map(s => { const li = document.createElement('li'); li.append(chip(s)); return li; }));
}

function dropTarget(element, dropped) {
  element.addEventListener('dragover', event => { event.preventDefault(); element.classList.add('over'); });
  element.addEventListener('dragleave', () => element.classList.remove('over'));
  element.addEventListener('drop', event => {
    event.preventDefault();
    element.classList.remove('over');
    const student = event.dataTransfer.getData('text/plain');
    if (byId.has(student)) dropped(student);
  });
}

async function load() {
  const response = await fetch(`${api}/${room().id}/seats`, { headers: headers(false), credentials: 'same-origin' });
  const list = response.ok ? await response.json() : [];
  seats = new Map(list.map(s => [s.person, { row: s.row, column: s.column }]));
  render();
}

async function place(student, row, column, ifTaken) {
  const response = await fetch(`${api}/${room().id}/seats/${student}`, { method: 'PUT', headers: headers(true),
    credentials: 'same-origin', body: JSON.stringify({ row, column, ifTaken }) });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 409 && !ifTaken) {
    const other = [...seats].find(([id, s]) => s.row === row && s.column === column && id !== student);
    pending = { student, row, column };
    document.getElementById('seat-taken-text').textContent = answer.detail;
    document.getElementById('seat-unseat').textContent = format(text.moveOther, other ? byId.get(other[0])?.name : '');
    taken.hidden = false;
    document.getElementById('seat-swap').focus();
    return;
  }
  selected = null;
  if (response.ok) say(format(text.saved, byId.get(student).name, row, column));
  else say(answer.detail || response.statusText, true);
  await load();
}

async function unseat(student) {
  const response = await fetch(`${api}/${room().id}/seats/${student}`, { method: 'DELETE', headers: headers(false),
    credentials: 'same-origin' });
  selected = null;
  if (response.ok) say(format(text.freed, byId.get(student).name));
  else say((await response.json().catch(() => ({}))).detail || response.statusText, true);
  await load();
}

function decide(ifTaken) {
  taken.hidden = true;
  const chosen = pending;
  pending = null;
  if (ifTaken && chosen) place(chosen.student, chosen.row, chosen.column, ifTaken);
}

document.getElementById('seat-swap').addEventListener('click', () => decide('swap'));
document.getElementById('seat-unseat').addEventListener('click', () => decide('unseat'));
document.getElementById('seat-cancel').addEventListener('click', () => decide(null));
document.addEventListener('keydown', event => { if (event.key === 'Escape' && !taken.hidden) decide(null); });
dropTarget(unseated, student => { if (seats.has(student)) unseat(student); });
unseated.addEventListener('click', () => { if (selected && seats.has(selected)) unseat(selected); });
roomSelect.addEventListener('change', () => { selected = null; say(''); load(); });
classSelect.addEventListener('change', render);
load();
