/* Compare runs: a table (differences only on demand), parallel coordinates, a scatter of any two
   columns, overlaid metric histories. The runs come from runs/search with a run_id IN filter (a few
   requests however many runs), the histories from metrics/get-history-bulk-interval. */
'use strict';
(async () => {
  const { el } = Lathe;
  const ids = Lathe.pages.runs.split(',').map(s => s.trim()).filter(Boolean);
  const content = document.getElementById('content');
  const RUNS_PER_SEARCH = 500;
  const OVERLAID_HISTORIES = 100;
  let runs;
  try {
    runs = await load(ids);
    performance.mark('lathe-runs-loaded');
  } catch (e) {
    Lathe.showError(e);
    return;
  }

  /** The runs in the order asked, found by id in every experiment; an unknown id is an error naming it. */
  async function load(wanted) {
    const experiments = await Lathe.all('experiments/search', { view_type: 'ALL', max_results: 1000 }, 'experiments', 'POST');
    const experimentIds = experiments.map(e => e.experiment_id);
    const found = new Map();
    for (let i = 0; i < wanted.length; i += RUNS_PER_SEARCH) {
      const chunk = wanted.slice(i, i + RUNS_PER_SEARCH);
      const filter = 'attributes.run_id IN (' + chunk.map(id => "'" + id.replace(/'/g, '') + "'").join(', ') + ')';
      // one more than can match, so that a full chunk comes with no next page to ask for
      const page = await Lathe.all('runs/search',
        { experiment_ids: experimentIds, filter, run_view_type: 'ALL', max_results: chunk.length + 1 }, 'runs', 'POST');
      page.forEach(r => found.set(r.info.run_id, r));
    }
    const missing = wanted.filter(id => !found.has(id));
    if (missing.length) throw new Lathe.ApiError('RESOURCE_DOES_NOT_EXIST', 'No run with id ' + missing.join(', '));
    return wanted.map(id => found.get(id));
  }
  const names = runs.map(r => r.info.run_name);
  const paramsOf = runs.map(r => Lathe.byKey(r.data.params));
  const metricsOf = runs.map(r => Lathe.byKey(r.data.metrics));
  const keys = list => [...new Set(runs.flatMap(r => (r.data[list] || []).map(x => x.key)))].sort();
  const paramKeys = keys('params'), metricKeys = keys('metrics');
  const rows = [
    { group: 'Run', name: 'Status', values: runs.map(r => r.info.status) },
    { group: 'Run', name: 'Started', values: runs.map(r => Lathe.time(r.info.start_time)) },
    { group: 'Run', name: 'Duration', values: runs.map(r => Lathe.duration(r.info.start_time, r.info.end_time)) },
    ...paramKeys.map(k => lazyRow('Param', k, paramsOf)),
    ...metricKeys.map(k => lazyRow('Metric', k, metricsOf)),
  ];

  /** A param or metric row whose values across the runs are gathered on first use. */
  function lazyRow(group, name, byRun) {
    let values;
    return { group, name, numeric: true, get values() { return values || (values = byRun.map(x => x[name] ?? '')); } };
  }
  const differs = row => new Set(row.values.map(String)).size > 1;

  // Runs with many distinct keys make thousands of rows: the table shows the first MAX_ROWS that match.
  const MAX_ROWS = 100;
  const diffOnly = el('input', { type: 'checkbox', id: 'diff-only', onchange: () => drawTable() });
  const rowFilter = el('input', { type: 'search', id: 'row-filter', placeholder: 'find a row', oninput: () => drawTable() });
  const rowNote = el('span', { class: 'muted', id: 'row-note' });
  const tableBox = el('div', { id: 'compare-box' });
  function drawTable() {
    const q = rowFilter.value.toLowerCase();
    const matching = rows.filter(r => (!diffOnly.checked || differs(r)) && r.name.toLowerCase().includes(q));
    const shown = matching.slice(0, MAX_ROWS);
    rowNote.textContent = matching.length > shown.length
      ? 'the first ' + shown.length + ' of ' + matching.length + ' rows; type to narrow' : matching.length + ' rows';
    tableBox.replaceChildren(el('table', { id: 'compare-table' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), runs.map((r, i) =>
        el('th', {}, el('a', { href: Lathe.href('run', { id: r.info.run_id }) }, names[i]))))),
      el('tbody', {}, shown.map(r => el('tr', { 'data-row': r.group + ':' + r.name },
        el('th', {}, el('span', { class: 'group' }, r.group), r.name), r.values.map(v => cell(v, r.group === 'Metric')))))));
  }

  /** One value cell, made directly (the table can hold 50,000 of them); the value enters as text. */
  function cell(v, number) {
    const td = document.createElement('td');
    if (number) td.className = 'num';
    td.textContent = Lathe.num(v);
    return td;
  }

  // Numeric columns for the charts: every metric, and the params whose values all parse as numbers. A
  // column's numbers are made on first use (500 runs with their own keys make thousands of columns).
  const toNumber = v => v === '' ? NaN : Number(v);
  const numeric = rows.filter(r => r.numeric && (r.group === 'Metric' || r.values.every(v => !Number.isNaN(toNumber(v)) || v === '')))
    .map(r => ({ name: (r.group === 'Param' ? 'params.' : 'metrics.') + r.name, row: r }));
  const valuesOf = c => c.values || (c.values = c.row.values.map(toNumber));
  const parallelBox = el('div', { id: 'parallel' });
  // the first 10 columns whose values differ, found without making the numbers of the others
  const varying = [];
  for (const c of numeric) {
    if (varying.length === 10) break;
    const values = valuesOf(c);
    if (values.some(Number.isFinite) && new Set(values.map(String)).size > 1) varying.push({ name: c.name, values });
  }

  const scatterBox = el('div', { id: 'scatter' });
  /**
   * A select over thousands of column names holds only its chosen one until it is first focused or
   * pressed, so that the page does not lay out 15,000 options before its charts.
   */
  function lazySelect(id, values, chosen, onchange) {
    const select = el('select', { id, onchange }, chosen == null ? null : new Option(chosen, chosen, true, true));
    const fill = () => {
      select.removeEventListener('focus', fill);
      select.removeEventListener('mousedown', fill);
      select.replaceChildren(...values.map(v => new Option(v, v, false, v === chosen)));
    };
    select.addEventListener('focus', fill);
    select.addEventListener('mousedown', fill);
    return select;
  }
  const numericNames = numeric.map(c => c.name);
  const pick = (id, chosen) => lazySelect(id, numericNames, chosen, drawScatter);
  const firstParam = numeric.find(c => c.name.startsWith('params.')) || numeric[0];
  const firstMetric = numeric.find(c => c.name.startsWith('metrics.')) || numeric[1] || numeric[0];
  const xPick = pick('scatter-x', firstParam && firstParam.name), yPick = pick('scatter-y', firstMetric && firstMetric.name);
  function drawScatter() {
    const x = numeric.find(c => c.name === xPick.value), y = numeric.find(c => c.name === yPick.value);
    if (!x || !y) return;
    const xs = valuesOf(x), ys = valuesOf(y);
    LatheCharts.scatter(scatterBox, names.map((n, i) => ({ x: xs[i], y: ys[i], label: n })), x.name, y.name);
  }

  const historyBox = el('div', { id: 'history-chart' });
  const historyPick = lazySelect('history-metric', metricKeys, metricKeys[0], drawHistory);
  const historyNote = el('span', { class: 'muted', id: 'history-note' });
  const xAxis = el('select', { id: 'history-x', onchange: drawHistory }, el('option', { value: 'step' }, 'x: step'), el('option', { value: 'time' }, 'x: time'));
  async function drawHistory() {
    const key = historyPick.value;
    if (!key) return;
    try {
      const withKey = runs.map((r, i) => i).filter(i => key in metricsOf[i]).slice(0, OVERLAID_HISTORIES);
      const points = await LatheCharts.histories(withKey.map(i => runs[i].info.run_id), key);
      const series = withKey.map(i => ({ label: names[i], points: points.get(runs[i].info.run_id) }));
      LatheCharts.lines(historyBox, series.filter(s => s.points.length), xAxis.value);
      historyNote.textContent = withKey.length < runs.filter((r, i) => key in metricsOf[i]).length
        ? 'the first ' + OVERLAID_HISTORIES + ' runs that logged ' + key : '';
    } catch (e) {
      Lathe.showError(e);
    }
  }

  const panel = (title, ...body) => el('section', { class: 'panel' }, el('h2', {}, title), ...body);
  content.append(
    el('div', { class: 'grid' },
      panel('Scatter', el('div', { class: 'toolbar' }, xPick, yPick), scatterBox),
      panel('Metric histories', el('div', { class: 'toolbar' }, historyPick, xAxis, historyNote), historyBox)),
    panel('Parallel coordinates', parallelBox),
    panel('Runs', el('div', { class: 'toolbar' }, el('label', {}, diffOnly, ' differences only'), rowFilter, rowNote), tableBox));
  performance.mark('lathe-rows-built');
  // drawn once in the page, so that it takes the panel's width
  if (varying.length >= 2) LatheCharts.parallel(parallelBox, varying, names);
  else parallelBox.append(el('p', { class: 'muted' }, 'Fewer than two numeric columns differ.'));
  drawScatter();
  content.dataset.ready = 'parallel';
  performance.mark('lathe-ready');
  // the charts are painted first; the table (up to 100 rows x one column per run) right after
  setTimeout(() => {
    drawTable();
    performance.mark('lathe-table-drawn');
    drawHistory();
  }, 0);
})();
