/* One run: overview, params, metrics with history charts, tags, datasets, artifacts with previews. */
'use strict';
(async () => {
  const { el } = Lathe;
  const runId = Lathe.pages.runId;
  const content = document.getElementById('content');
  let run;
  try {
    run = (await Lathe.api('runs/get', { run_id: runId })).run;
  } catch (e) {
    Lathe.showError(e);
    return;
  }
  const info = run.info, tags = Lathe.byKey(run.data.tags);
  const parent = tags['mlflow.parentRunId'];
  const kv = (rows, id) => Lathe.table(['Key', 'Value'], rows, { id });
  const panel = (title, ...body) => el('section', { class: 'panel' }, el('h2', {}, title), ...body);

  const overview = kv([
    ['Run ID', info.run_id],
    ['Experiment', el('a', { href: Lathe.href('experiment', { id: info.experiment_id }) }, Lathe.pages.experimentName)],
    ['Status', info.status], ['Started', Lathe.time(info.start_time)], ['Ended', Lathe.time(info.end_time)],
    ['Duration', Lathe.duration(info.start_time, info.end_time)], ['User', info.user_id],
    ['Parent run', parent ? el('a', { href: Lathe.href('run', { id: parent }) }, parent) : ''],
    ['Search', Lathe.isSearch(run) ? el('a', { href: Lathe.href('search', { id: info.run_id }), id: 'search-link' }, 'optimisation history, intermediate values, param importance') : ''],
    ['Description', tags['mlflow.note.content'] || ''],
    ['Artifact URI', info.artifact_uri]], 'overview');

  const params = (run.data.params || []).slice().sort((a, b) => a.key.localeCompare(b.key));
  const metrics = (run.data.metrics || []).slice().sort((a, b) => a.key.localeCompare(b.key));
  const userTags = (run.data.tags || []).slice().sort((a, b) => a.key.localeCompare(b.key));

  // Metrics: the latest values, and the history chart of the chosen one (step or time on x).
  const chartBox = el('div', { id: 'metric-chart' });
  const metricSelect = el('select', { id: 'metric-select', onchange: draw }, metrics.map(m => el('option', { value: m.key }, m.key)));
  const xSelect = el('select', { id: 'x-axis', onchange: draw }, el('option', { value: 'step' }, 'x: step'), el('option', { value: 'time' }, 'x: time'));
  const chartNote = el('span', { class: 'muted', id: 'chart-note' });
  const histories = new Map();
  async function draw() {
    const key = metricSelect.value;
    if (!key) return;
    try {
      if (!histories.has(key)) histories.set(key, await LatheCharts.history(runId, key));
      const points = histories.get(key);
      chartNote.textContent = points.length + ' points' + (points.thinned ? ' (thinned on the server: each step interval\'s lowest and highest value)' : '');
      LatheCharts.lines(chartBox, [{ label: key, points }], xSelect.value);
    } catch (e) {
      Lathe.showError(e);
    }
  }
  const metricTable = Lathe.table(['Metric', 'Latest', 'Step'], metrics.map(m => [
    el('a', { href: '#metric-chart', class: 'metric-key', onclick: () => { metricSelect.value = m.key; draw(); } }, m.key),
    Lathe.num(m.value), String(m.step)]), { id: 'metrics' });

  // Datasets (MLflow's dataset inputs).
  const datasets = (run.inputs && run.inputs.dataset_inputs || []).map(d => {
    const ds = d.dataset, context = Lathe.byKey(d.tags)['mlflow.data.context'] || '';
    let source = ds.source, rows = '';
    try { source = JSON.parse(ds.source).uri || ds.source; } catch (e) { /* a bare path */ }
    try { rows = String(JSON.parse(ds.profile).num_rows); } catch (e) { /* no profile */ }
    return [ds.name, context, ds.digest, rows, source];
  });

  // Artifacts: a tree listed one directory at a time, previews by file type.
  const tree = el('div', { class: 'tree', id: 'artifact-tree' });
  const preview = el('div', { class: 'preview', id: 'artifact-preview' }, el('p', { class: 'muted' }, 'Choose a file.'));
  async function listDir(path, into) {
    try {
      const answer = await Lathe.api('artifacts/list', { run_id: runId, path });
      const files = answer.files || [];
      into.replaceChildren(el('ul', {}, files.map(f => {
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        if (f.is_dir) {
          const sub = el('div', {});
          let open = false;
          const label = el('a', { class: 'dir', 'data-path': f.path, onclick: () => {
            open = !open;
            label.textContent = (open ? '▾ ' : '▸ ') + name;
            if (open) listDir(f.path, sub); else sub.replaceChildren();
          } }, '▸ ' + name);
          return el('li', {}, label, sub);
        }
        return el('li', {}, el('a', { class: 'file', 'data-path': f.path, onclick: e => {
          tree.querySelectorAll('a.current').forEach(a => a.classList.remove('current'));
          e.target.classList.add('current');
          show(f);
        } }, name), el('span', { class: 'muted' }, ' ' + size(f.file_size)));
      })));
      if (!files.length && !path) into.append(el('p', { class: 'muted' }, 'No artifacts.'));
    } catch (e) {
      Lathe.showError(e);
    }
  }
  const size = n => n == null ? '' : n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' kB' : (n / 1048576).toFixed(1) + ' MB';
  const ext = p => p.includes('.') ? p.slice(p.lastIndexOf('.') + 1).toLowerCase() : '';
  async function show(f) {
    const url = Lathe.artifactUrl(runId, f.path);
    const e = ext(f.path);
    const title = el('p', {}, el('strong', {}, f.path), ' ', el('a', { href: url, download: f.path.split('/').pop() }, 'download'));
    if (['png', 'jpg', 'jpeg', 'gif'].includes(e)) {
      preview.replaceChildren(title, el('img', { src: url, alt: f.path }));
      return;
    }
    if (e === 'html' || e === 'htm') {
      preview.replaceChildren(title, el('iframe', { sandbox: '', title: f.path, id: 'report-frame',
        src: Lathe.href('artifact', { run_id: runId, path: f.path }) }));
      return;
    }
    if (f.file_size > 5 * 1048576) {
      preview.replaceChildren(title, el('p', { class: 'muted' }, 'Too large to preview.'));
      return;
    }
    const text = await (await fetch(url)).text();
    if (e === 'json') {
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (err) { /* shown as it is */ }
      preview.replaceChildren(title, el('pre', { class: 'json' }, shown));
    } else if (e === 'csv' || e === 'tsv') {
      const sep = e === 'csv' ? ',' : '\t';
      const lines = text.split(/\r?\n/).filter(l => l.length).slice(0, 201).map(l => l.split(sep));
      preview.replaceChildren(title, Lathe.table(lines[0] || [], lines.slice(1), { class: 'csv' }));
    } else {
      preview.replaceChildren(title, el('pre', {}, text.length > 200000 ? text.slice(0, 200000) + '\n…' : text));
    }
  }

  content.append(
    el('div', { class: 'grid' },
      panel('Overview', overview),
      panel('History', el('div', { class: 'toolbar' }, metricSelect, xSelect, chartNote), chartBox)),
    el('div', { class: 'grid' },
      panel('Metrics (' + metrics.length + ')', metricTable),
      panel('Parameters (' + params.length + ')', kv(params.map(p => [p.key, p.value]), 'params'))),
    el('div', { class: 'grid' },
      panel('Tags (' + userTags.length + ')', kv(userTags.map(t => [t.key, t.value]), 'tags')),
      panel('Datasets (' + datasets.length + ')', Lathe.table(['Name', 'Context', 'Digest', 'Rows', 'Source'], datasets, { id: 'datasets' }))),
    panel('Artifacts', el('div', { class: 'artifacts' }, tree, preview)));
  listDir('', tree);
  draw();
})();
