// mediagen arena client: plain JS, no build step. Every text from the server is shown with
// textContent (never innerHTML), so a prompt like <script>…</script> appears as text.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { csrf: null, user: null, pair: null, blocked: { words: [], phrases: [] }, busy: false, prompt: null };

async function api(method, path, body) {
  const opts = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') {
    opts.headers['X-CSRF-Token'] = state.csrf || '';
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body || {});
  }
  const res = await fetch(path, opts);
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || ('HTTP ' + res.status));
  return data;
}

function showError(msg) { $('error').textContent = msg || ''; }

function show(section) {
  for (const id of ['auth', 'consent', 'arena']) $(id).hidden = id !== section;
}

function applySession(s) {
  state.csrf = s.csrf;
  state.user = s.user;
  $('who').textContent = s.user ? s.user.name : '';
  $('karma').textContent = s.user ? s.user.votes : 0;
  $('logout').hidden = !s.user;
  if (!s.user) show('auth');
  else if (!s.user.consented) show('consent');
  else { show('arena'); loadPair(); }
}

// Same rule as the server: phrases as substrings, single words as whole tokens.
function blockedWord(prompt) {
  const lower = prompt.toLowerCase();
  for (const p of state.blocked.phrases) if (lower.includes(p)) return p;
  for (const t of lower.split(/[^\p{L}\p{N}]+/u)) if (state.blocked.words.includes(t)) return t;
  return null;
}

function setStatus(text, progress) {
  $('status').textContent = text;
  const bar = $('progress');
  if (progress === null || progress === undefined) { bar.hidden = true; return; }
  bar.hidden = false;
  bar.value = progress;
}

function showPair(pair) {
  state.pair = pair;
  const has = !!pair;
  $('pair').hidden = !has;
  $('vote-row').hidden = !has;
  if (!has) return;
  $('shown-prompt').textContent = pair.prompt;
  for (const side of ['left', 'right']) {
    const img = $(side);
    img.classList.remove('lost', 'won');
    img.src = pair[side].url;
    img.dataset.uid = pair[side].uid;
  }
  setVoting(true);
}

function setVoting(on) {
  for (const id of ['vote-left', 'vote-right', 'tie']) $(id).disabled = !on;
}

async function loadPair() {
  try {
    const r = await api('GET', '/api/pair');
    showPair(r.pair);
  } catch (e) { showError(e.message); }
}

async function vote(choice) {
  if (!state.pair || state.busy) return;
  state.busy = true;
  setVoting(false);
  if (choice !== 'tie') {
    $(choice).classList.add('won');
    $(choice === 'left' ? 'right' : 'left').classList.add('lost');
  }
  try {
    const r = await api('POST', '/api/vote', { pair_id: state.pair.pair_id, choice });
    $('karma').textContent = Number($('karma').textContent) + (r.duplicate ? 0 : 1);
    document.body.dataset.lastVote = choice + '#' + r.ranking_id;
    showError('');
    if (r.next) showPair(r.next);
    else {
      showPair(null);
      if ($('auto').checked && state.prompt) generate(state.prompt);
      else setStatus('Vote recorded. Generate again for more images of this prompt.');
    }
  } catch (e) {
    showError(e.message);
    setVoting(true);
  } finally { state.busy = false; }
}

function follow(jobId) {
  return new Promise((resolve, reject) => {
    const es = new EventSource('/api/jobs/' + encodeURIComponent(jobId) + '/events');
    es.addEventListener('status', (ev) => {
      const s = JSON.parse(ev.data);
      if (s.state === 'queued') setStatus('Queue position: ' + s.position + '/' + s.queue_length + ' | about ' + s.eta_seconds + ' s', 0);
      else if (s.state === 'running') setStatus('Generating… ' + Math.round(100 * s.progress) + '% | about ' + s.eta_seconds + ' s left', s.progress);
      else if (s.state === 'done') { es.close(); setStatus('', null); resolve(s); }
      else if (s.state === 'failed') { es.close(); setStatus('', null); reject(new Error(s.error || 'generation failed')); }
    });
    es.addEventListener('error', () => { es.close(); reject(new Error('lost the connection to the generation queue')); });
  });
}

async function generate(prompt) {
  const bad = blockedWord(prompt);
  if (bad) { showError("The prompt contains a blocked word or phrase: '" + bad + "'"); return; }
  showError('');
  $('generate').disabled = true;
  state.prompt = prompt;
  try {
    const job = await api('POST', '/api/generate', { prompt });
    const done = await follow(job.job_id);
    if (done.pair) showPair(done.pair);
    else await loadPair();
  } catch (e) {
    showError(e.message);
  } finally { $('generate').disabled = false; }
}

async function authenticate(kind) {
  const username = $('username').value.trim();
  const password = $('password').value;
  try {
    applySession(await api('POST', '/api/' + kind, { username, password }));
    showError('');
  } catch (e) { showError(e.message); }
}

window.addEventListener('DOMContentLoaded', async () => {
  $('auth-form').addEventListener('submit', (e) => { e.preventDefault(); authenticate('login'); });
  $('signup').addEventListener('click', () => authenticate('signup'));
  $('accept').addEventListener('click', async () => {
    try { applySession(await api('POST', '/api/consent')); } catch (e) { showError(e.message); }
  });
  $('logout').addEventListener('click', async () => {
    try { await api('POST', '/api/logout'); } catch (e) { /* signed out anyway */ }
    applySession(await api('GET', '/api/session'));
  });
  $('prompt').addEventListener('input', () => { state.prompt = null; }); // editing the prompt starts a new round
  $('prompt-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = $('prompt').value.trim();
    if (p) generate(p);
  });
  $('left').addEventListener('click', () => vote('left'));
  $('right').addEventListener('click', () => vote('right'));
  $('vote-left').addEventListener('click', () => vote('left'));
  $('vote-right').addEventListener('click', () => vote('right'));
  $('tie').addEventListener('click', () => vote('tie'));
  try {
    state.blocked = await api('GET', '/api/blocked-words');
    applySession(await api('GET', '/api/session'));
  } catch (e) { showError(e.message); }
});
