// zombie-lab serve: the lanes page in the browser. Reads the run's events from /events (server-sent
// events, one RunEvent as JSON each; docs/serve.md) and draws three lanes with uPlot. Plain browser
// JavaScript, no build step: it is served as it is from the package's web/ folder.
(function () {
  'use strict';
  const cfg = JSON.parse(document.getElementById('zl-config').textContent);
  const w = cfg.words;
  const COLORS = { 'no-init': '#ff6b6b', 'dumb-init': '#51cf66', init: '#4dabf7' };
  const DASH = { 'no-init': [], 'dumb-init': [8, 4], init: [2, 4] };

  const $ = (root, sel) => root.querySelector(sel);
  const buttons = { run: $(document, '[data-action="run"]'), stop: $(document, '[data-action="stop"]') };
  const sourceEl = $(document, '[data-role="source"]');
  const problemEl = $(document, '[data-role="problem"]');
  const secs = (ms, digits) => (Math.max(0, ms) / 1000).toFixed(digits).replace('.', w.decimalMark);

  const lanes = {};
  for (const el of document.querySelectorAll('.lane')) {
    const mode = el.dataset.mode;
    const plotEl = $(el, '[data-role="plot"]');
    const lane = { el, mode, plotEl, plot: null, xs: [], ys: [], limit: null };
    lanes[mode] = lane;
    resetLane(lane);
  }

  function resetLane(lane) {
    lane.xs = [];
    lane.ys = [];
    lane.state = { kind: 'idle' };
    lane.zombies = 0;
    lane.peak = 0;
    lane.pidsUsed = null;
    lane.limit = null;
    lane.pid1 = null;
    lane.dirty = true;
    if (lane.plot) lane.plot.setData([lane.xs, lane.ys]);
  }

  function makePlot(lane) {
    if (typeof uPlot !== 'function') return;
    const width = Math.max(160, lane.plotEl.clientWidth);
    const opts = {
      width,
      height: Math.max(80, lane.plotEl.clientHeight || 140),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: () => [0, lane.limit || Math.max(10, lane.peak)] } },
      axes: [
        { stroke: '#aaa', grid: { stroke: '#333' }, values: (u, ticks) => ticks.map((t) => `${t} s`) },
        { stroke: '#aaa', grid: { stroke: '#333' }, size: 44 },
      ],
      series: [{}, { stroke: COLORS[lane.mode], dash: DASH[lane.mode], width: 2, fill: `${COLORS[lane.mode]}33`, points: { show: false } }],
    };
    lane.plot = new uPlot(opts, [lane.xs, lane.ys], lane.plotEl);
    new ResizeObserver(() => lane.plot.setSize({ width: Math.max(160, lane.plotEl.clientWidth), height: Math.max(80, lane.plotEl.clientHeight || 140) })).observe(lane.plotEl);
  }

  function stateText(lane) {
    const s = lane.state;
    switch (s.kind) {
      case 'idle':
        return w.idle;
      case 'building':
        return `${w.building}: ${s.detail}`;
      case 'starting':
        return w.starting;
      case 'running':
        return `${w.running} ${secs(Date.now() - s.startedAt, 0)} s`;
      case 'stopping':
        return w.stopping.replace('{s}', secs(s.deadline - Date.now(), 1));
      case 'stopped':
        return `${w.stopped.replace('{s}', secs(s.stopMs, 2))} · ${w.exit} ${s.exitCode === null ? '?' : s.exitCode}`;
      case 'error':
        return `${w.error}: ${s.problem.message} · ${s.problem.fix}`;
      default:
        return '';
    }
  }

  function draw(lane) {
    const el = lane.el;
    el.dataset.state = lane.state.kind;
    if (lane.state.kind === 'stopped' && lane.state.exitCode !== null) el.dataset.exit = String(lane.state.exitCode);
    else delete el.dataset.exit;
    const z = $(el, '[data-role="zombies"]');
    z.textContent = `${w.zombies} ${lane.zombies}`;
    z.dataset.value = String(lane.zombies);
    $(el, '[data-role="peak"]').textContent = `${w.peak} ${lane.peak}`;
    $(el, '[data-role="pid1"]').textContent = `${w.pid1}: ${lane.pid1 || '?'}`;
    const used = lane.pidsUsed;
    $(el, '[data-role="pids"]').textContent = `${w.pids} ${used === null ? '–' : used}/${lane.limit === null ? '–' : lane.limit}`;
    $(el, '[data-role="pids-bar"]').style.width = used !== null && lane.limit ? `${Math.min(100, (100 * used) / lane.limit)}%` : '0';
    $(el, '[data-role="state"]').textContent = stateText(lane);
    if (lane.dirty && lane.plot) lane.plot.setData([lane.xs, lane.ys]);
    lane.dirty = false;
  }

  let runInfo = { run: -1, phase: 'idle', source: 'live' };
  function onRun(info) {
    if (info.run !== runInfo.run) for (const lane of Object.values(lanes)) resetLane(lane);
    runInfo = info;
    const going = info.phase === 'running' || info.phase === 'stopping';
    buttons.run.disabled = going;
    buttons.stop.disabled = info.phase !== 'running';
    document.body.dataset.phase = info.phase;
    document.body.dataset.run = String(info.run);
    // serve --follow: the terminal app runs and stops; the page only shows.
    $(document, '.actions').hidden = info.follows === true;
    $(document, '[data-role="follows"]').hidden = info.follows !== true;
    sourceEl.textContent = info.source === 'replay' ? w.replay : w.live;
    sourceEl.classList.toggle('replay', info.source === 'replay');
    if (info.phase === 'running' && info.run > 0) problemEl.hidden = true;
  }

  function onEvent(e) {
    const lane = e.mode ? lanes[e.mode] : undefined;
    switch (e.type) {
      case 'lane':
        if (lane) lane.state = e.state;
        break;
      case 'pid1':
        if (lane) lane.pid1 = e.name;
        break;
      case 'sample': {
        if (!lane) break;
        const s = e.sample;
        lane.zombies = s.zombies;
        lane.peak = Math.max(lane.peak, s.zombies);
        lane.pidsUsed = s.pidsUsed;
        lane.limit = s.pidsLimit;
        lane.xs.push(s.t / 1000);
        lane.ys.push(s.zombies);
        lane.dirty = true;
        break;
      }
      case 'done':
        for (const r of e.results) {
          const l = lanes[r.mode];
          if (l && r.pid1) l.pid1 = l.pid1 || r.pid1;
        }
        break;
      case 'problem':
        problemEl.hidden = false;
        problemEl.textContent = `${e.problem.message} · ${e.problem.fix}`;
        break;
      default:
        break;
    }
  }

  // The server sends the run's whole history to every new connection, so a reconnect starts clean.
  const stream = new EventSource(cfg.events);
  stream.addEventListener('open', () => {
    runInfo = { run: -1, phase: 'idle', source: runInfo.source };
    problemEl.hidden = true;
    document.body.classList.remove('offline');
  });
  stream.addEventListener('error', () => {
    document.body.classList.add('offline');
    problemEl.hidden = false;
    problemEl.textContent = w.reconnecting;
  });
  stream.addEventListener('run', (m) => onRun(JSON.parse(m.data)));
  stream.addEventListener('message', (m) => onEvent(JSON.parse(m.data)));

  const act = (what) => fetch(what === 'run' ? cfg.run : cfg.stop, { method: 'POST' }).catch(() => undefined);
  buttons.run.addEventListener('click', () => act('run'));
  buttons.stop.addEventListener('click', () => act('stop'));

  // Opt-in (?reveal=1): reveal.js tells an <iframe> on the slide it shows "slide:start", and
  // "slide:stop" when it leaves. Nothing else from the parent is listened to.
  // reveal.js's speaker view shows the slides again in previews (`?receiver`): those must not run the demo.
  let preview = false;
  try {
    preview = /[?&]receiver\b/.test(window.parent.location.search);
  } catch {
    // A deck of another origin: not ours to look into, and not our speaker view.
  }
  if (cfg.reveal && !preview) {
    window.addEventListener('message', (m) => {
      if (m.source !== window.parent) return;
      if (m.data === 'slide:start' && runInfo.phase !== 'running' && runInfo.phase !== 'stopping') act('run');
      if (m.data === 'slide:stop' && runInfo.phase === 'running') act('stop');
    });
  }

  for (const lane of Object.values(lanes)) makePlot(lane);
  // 10 Hz, as the samples come: numbers and the SIGKILL countdown move between events too.
  setInterval(() => {
    for (const lane of Object.values(lanes)) draw(lane);
  }, 100);
})();
