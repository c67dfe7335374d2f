/* A search (study) page: optimisation history, intermediate values (pruned trials marked), parameter
   importance computed on the server. User text (params, run names) enters the page as text only. */
'use strict';
(async () => {
  const { el } = Lathe;
  const runId = Lathe.pages.runId;
  const content = document.getElementById('content');
  let s;
  try {
    const r = await fetch(Lathe.pages.summary + '?' + new URLSearchParams({ run_id: runId }));
    s = await r.json().catch(() => ({}));
    if (!r.ok) throw new Lathe.ApiError(s.error_code || 'HTTP ' + r.status, s.message || r.statusText);
  } catch (e) {
    Lathe.showError(e);
    return;
  }
  const panel = (title, ...body) => el('section', { class: 'panel' }, el('h2', {}, title), ...body);
  const trials = s.trials;
  const count = state => trials.filter(t => t.state === state).length;
  const states = [...new Set(trials.map(t => t.state))].sort();
  const finite = v => typeof v === 'number' && Number.isFinite(v);
  const best = trials.filter(t => t.state === 'COMPLETE' && finite(t.value)).reduce((b, t) =>
    b == null || (s.direction === 'MAXIMIZE' ? t.value > b.value : t.value < b.value) ? t : b, null);

  const overview = Lathe.table(['Key', 'Value'], [
    ['Search run', el('a', { href: Lathe.href('run', { id: runId }) }, s.run_name)],
    ['Score', s.score + ' (' + s.direction.toLowerCase() + ')'],
    ['Trials', trials.length + ': ' + states.map(st => count(st) + ' ' + st.toLowerCase()).join(', ')],
    ['Best trial', best ? el('a', { href: Lathe.href('run', { id: best.run_id }) }, best.run_name) : ''],
    ['Best score', best ? Lathe.num(best.value) : ''],
    ['Best params', best ? Object.entries(best.params).map(([k, v]) => k + '=' + v).join(', ') : '']], { id: 'search-overview' });

  const width = box => Math.max(360, Math.min(1200, (box.clientWidth || content.clientWidth / 2) - 24));

  // Optimisation history: each trial's score and the best so far against the trial number.
  const historyBox = el('div', { id: 'history-chart' });
  function drawHistory() {
    const xs = trials.map(t => t.number);
    const score = trials.map(t => t.state === 'COMPLETE' && finite(t.value) ? t.value : null);
    const pruned = trials.map(t => t.state === 'PRUNED' && finite(t.value) ? t.value : null);
    const bestSoFar = trials.map(t => finite(t.best) ? t.best : null);
    const dots = (label, stroke) => ({ label, stroke, fill: stroke, paths: () => null, points: { show: true, size: 7, fill: stroke } });
    new uPlot({
      width: width(historyBox), height: 280, scales: { x: { time: false } },
      series: [{ label: 'trial' }, dots('score', LatheCharts.color(0)), dots('pruned', '#98a2b3'),
        { label: 'best so far', stroke: LatheCharts.color(1), width: 2, spanGaps: true, points: { show: false } }],
      axes: [{ label: 'trial number' }, { size: 60, label: s.score }],
    }, [xs, score, pruned, bestSoFar], historyBox);
  }

  // Intermediate values: one line per trial, pruned trials dashed and labelled.
  const withSteps = trials.filter(t => t.intermediate.length);
  const intermediateBox = el('div', { id: 'intermediate-chart' });
  const intermediateNote = el('p', { class: 'muted', id: 'intermediate-note' },
    withSteps.length ? withSteps.length + ' trials reported intermediate values; ' + withSteps.filter(t => t.state === 'PRUNED').length
      + ' of them were pruned (dashed).' : 'No trial reported intermediate values.');
  function drawIntermediate() {
    if (!withSteps.length) return;
    const tables = withSteps.map(t => [t.intermediate.map(p => p[0]), t.intermediate.map(p => p[1])]);
    const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
    new uPlot({
      width: width(intermediateBox), height: 280, scales: { x: { time: false } },
      series: [{ label: 'step' }].concat(withSteps.map((t, i) => t.state === 'PRUNED'
        ? { label: t.run_name + ' (pruned)', stroke: '#98a2b3', dash: [5, 4], width: 1.2, spanGaps: true, points: { show: false } }
        : { label: t.run_name, stroke: LatheCharts.color(i), width: 1.6, spanGaps: true, points: { show: false } })),
      legend: { show: withSteps.length <= 12 },
      axes: [{ label: 'step' }, { size: 60 }],
    }, data, intermediateBox);
  }

  // Parameter importance: the server's figures and its method, stated.
  const importance = Lathe.table(['Param', 'Importance (η²)', '', 'Bins', 'Trials'], s.importance.map(i => [
    i.param, el('meter', { min: 0, max: 1, value: i.eta_squared, title: String(i.eta_squared) }),
    Lathe.num(i.eta_squared), String(i.bins) + (i.numeric ? ' (numeric)' : ' (categorical)'), String(i.trials)]),
  { id: 'importance' });

  const paramKeys = [...new Set(trials.flatMap(t => Object.keys(t.params)))].sort();
  const trialTable = Lathe.table(['Trial', 'Run', 'State', s.score, 'Best so far', ...paramKeys], trials.map(t => [
    String(t.number), el('a', { href: Lathe.href('run', { id: t.run_id }), class: 'run-name' }, t.run_name),
    el('span', { class: 'state-' + t.state }, t.state), t.value == null ? '' : Lathe.num(t.value),
    t.best == null ? '' : Lathe.num(t.best), ...paramKeys.map(k => t.params[k] ?? '')]), { id: 'trials' });

  content.append(
    el('div', { class: 'grid' },
      panel('Search', overview),
      panel('Optimisation history', historyBox)),
    el('div', { class: 'grid' },
      panel('Intermediate values', intermediateNote, intermediateBox),
      panel('Parameter importance', importance, el('p', { class: 'muted', id: 'importance-method' }, s.importance_method))),
    panel('Trials (' + trials.length + ')', trialTable));
  drawHistory();
  drawIntermediate();
})();
