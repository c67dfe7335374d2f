/* The runs table of an experiment: MLflow filter, sort by any column, server-side paging (page tokens),
   a column picker searched on the server (10 columns by default, however many keys exist), nested runs
   collapsed under their parent, compare. Only the shown columns travel (Lathe's runs/table). */
'use strict';
(() => {
  const { el } = Lathe;
  const experimentId = Lathe.pages.experimentId;
  const PARENT = 'mlflow.parentRunId';
  const DEFAULT_COLUMNS = 10;
  const ATTRIBUTES = [
    { id: 'attr:run_name', label: 'Run name', order: 'attributes.run_name' },
    { id: 'attr:start_time', label: 'Created', order: 'attributes.start_time' },
    { id: 'attr:duration', label: 'Duration', order: null },
    { id: 'attr:status', label: 'Status', order: 'attributes.status' },
    { id: 'attr:user_id', label: 'User', order: 'attributes.user_id' },
  ];
  const GROUPS = { metric: ['Metrics', 'metrics'], param: ['Params', 'params'], tag: ['Tags', 'tags'] };
  const url = new URL(location.href);
  const storedColumns = localStorage.getItem('lathe.columns.' + experimentId);
  const state = {
    filter: url.searchParams.get('filter') || '',
    order: url.searchParams.get('order') || 'attributes.start_time DESC',
    pageSize: Number(url.searchParams.get('size') || 25),
    tokens: [null],
    page: 0,
    columns: storedColumns ? JSON.parse(storedColumns) : null,
    expanded: new Set(),
    selected: new Set(),
    runs: [],
    values: url.searchParams.get('values') || 'latest',
    summaries: new Map(),
  };
  const PICKER_LIMIT = 200;

  const content = document.getElementById('content');
  const filterInput = el('input', { type: 'text', id: 'filter', placeholder: "metrics.rmse < 1 and params.model = 'xgb'", value: state.filter,
    onkeydown: e => { if (e.key === 'Enter') applyFilter(); } });
  const filterError = el('div', { id: 'filter-error', class: 'error', hidden: true });
  const sizeSelect = el('select', { id: 'page-size', onchange: () => { state.pageSize = Number(sizeSelect.value); restart(); } },
    [10, 25, 50, 100, 500].map(n => el('option', { value: n, selected: n === state.pageSize }, n + ' per page')));
  const valuesSelect = el('select', { id: 'metric-values', title: 'metric columns show', onchange: () => {
    state.values = valuesSelect.value;
    summarize().then(render);
  } }, ['latest', 'min', 'max'].map(v => el('option', { value: v, selected: v === state.values }, 'metrics: ' + v)));
  const compareButton = el('button', { id: 'compare', disabled: true, onclick: () => {
    location.href = Lathe.href('compare', { runs: [...state.selected].join(',') });
  } }, 'Compare');
  const prev = el('button', { id: 'prev', onclick: () => { state.page--; load(); } }, '◀ Previous');
  const next = el('button', { id: 'next', onclick: () => { state.page++; load(); } }, 'Next ▶');
  const pageLabel = el('span', { id: 'page-label', class: 'muted' });
  const pickerBody = el('div', {});
  const picker = el('details', { class: 'picker', id: 'columns' }, el('summary', {}, 'Columns'), pickerBody);
  const tableBox = el('div', { id: 'runs-box' });

  content.append(
    el('div', { class: 'toolbar' }, filterInput,
      el('button', { id: 'search', onclick: applyFilter }, 'Search'),
      el('button', { id: 'clear', onclick: () => { filterInput.value = ''; applyFilter(); } }, 'Clear'),
      picker, valuesSelect, sizeSelect, compareButton),
    filterError, tableBox,
    el('div', { class: 'toolbar' }, prev, pageLabel, next));

  function applyFilter() {
    state.filter = filterInput.value.trim();
    restart();
  }

  function restart() {
    state.tokens = [null];
    state.page = 0;
    load();
  }

  function remember() {
    const u = new URL(location.href);
    u.searchParams.set('filter', state.filter);
    u.searchParams.set('order', state.order);
    u.searchParams.set('size', state.pageSize);
    u.searchParams.set('values', state.values);
    history.replaceState(null, '', u);
  }

  const keysOf = kind => state.columns.filter(c => c.startsWith(kind + ':')).map(c => c.slice(kind.length + 1));

  async function load() {
    let answer;
    try {
      if (!state.columns) state.columns = await defaultColumns();
      answer = await Lathe.ext('runs/table', {
        experiment_ids: [experimentId], filter: state.filter, order_by: [state.order],
        max_results: state.pageSize, page_token: state.tokens[state.page] || undefined,
        metric_keys: keysOf('metric'), param_keys: keysOf('param'), tag_keys: keysOf('tag'),
      }, 'POST');
    } catch (e) {
      Lathe.showError(e, filterError);
      return;
    }
    Lathe.clearError(filterError);
    remember();
    state.tokens[state.page + 1] = answer.next_page_token || null;
    state.runs = answer.runs || [];
    await summarize();
    render();
    content.dataset.loaded = String(Number(content.dataset.loaded || 0) + 1);
    if (!performance.getEntriesByName('lathe-ready').length) performance.mark('lathe-ready');
  }

  /** Min and max of the shown metric columns for the page's runs (one request), when asked for. */
  async function summarize() {
    state.summaries = new Map();
    const keys = keysOf('metric');
    if (state.values === 'latest' || !keys.length || !state.runs.length) return;
    try {
      const json = await Lathe.ext('metrics/summaries', { run_id: state.runs.map(r => r.info.run_id), key: keys });
      (json.summaries || []).forEach(x => state.summaries.set(x.run_id + '\u0000' + x.key, x));
    } catch (e) {
      Lathe.showError(e, filterError);
    }
  }

  /** The first metric keys, then param keys, in name order, up to 10 columns in all. */
  async function defaultColumns() {
    const cols = ['attr:run_name', 'attr:start_time', 'attr:duration', 'attr:status'];
    for (const kind of ['metric', 'param']) {
      const room = DEFAULT_COLUMNS - cols.length;
      if (room <= 0) break;
      const found = await keys(kind, '', room);
      found.keys.forEach(k => cols.push(kind + ':' + k));
    }
    return cols;
  }

  /** Keys of one kind logged in this experiment that contain {@code contains}, and how many match. */
  function keys(kind, contains, max) {
    return Lathe.ext('experiments/keys', { experiment_id: experimentId, kind, contains, max_results: max });
  }

  function column(id) {
    const attr = ATTRIBUTES.find(a => a.id === id);
    if (attr) return attr;
    const kind = id.slice(0, id.indexOf(':'));
    const key = id.slice(id.indexOf(':') + 1);
    return { id, kind, key, label: key, group: GROUPS[kind][0], order: GROUPS[kind][1] + '.`' + key + '`' };
  }

  function cell(run, col) {
    const info = run.info;
    switch (col.id) {
      case 'attr:run_name': return null;
      case 'attr:start_time': return Lathe.time(info.start_time);
      case 'attr:duration': return Lathe.duration(info.start_time, info.end_time);
      case 'attr:status': return info.status;
      case 'attr:user_id': return info.user_id;
    }
    if (col.kind === 'metric' && state.values !== 'latest') {
      const summary = state.summaries.get(info.run_id + '\u0000' + col.key);
      return summary ? Lathe.num(summary[state.values]) : '';
    }
    const list = col.kind === 'metric' ? run.data.metrics : col.kind === 'param' ? run.data.params : run.data.tags;
    const found = (list || []).find(x => x.key === col.key);
    return found ? Lathe.num(found.value) : '';
  }

  function header(col) {
    const sortable = col.order != null;
    const [field, dir] = state.order.split(/ (?=ASC$|DESC$)/);
    const arrow = sortable && field === col.order ? (dir === 'ASC' ? ' ↑' : ' ↓') : '';
    return el('th', {
      class: sortable ? 'sortable' : null, 'data-column': col.id,
      onclick: sortable ? () => {
        state.order = col.order + (field === col.order && dir !== 'ASC' ? ' ASC' : ' DESC');
        restart();
      } : null,
      title: col.kind === 'metric' && state.values !== 'latest' ? 'shows the ' + state.values + '; sorts by the latest value' : null,
    }, col.group ? el('span', { class: 'group' }, col.kind === 'metric' && state.values !== 'latest'
      ? col.group + ' · ' + state.values : col.group) : null, col.label + arrow);
  }

  function render() {
    const cols = state.columns.map(column);
    const byId = new Map(state.runs.map(r => [r.info.run_id, r]));
    const children = new Map();
    const top = [];
    for (const r of state.runs) {
      const parent = Lathe.byKey(r.data.tags)[PARENT];
      if (parent && byId.has(parent)) {
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(r);
      } else {
        top.push(r);
      }
    }
    const rows = [];
    const addRow = (run, depth, hidden) => {
      const id = run.info.run_id;
      const kids = children.get(id) || [];
      const open = state.expanded.has(id);
      const box = el('input', { type: 'checkbox', class: 'select', checked: state.selected.has(id), onchange: e => {
        if (e.target.checked) state.selected.add(id); else state.selected.delete(id);
        compareButton.disabled = state.selected.size < 2;
        compareButton.textContent = 'Compare' + (state.selected.size ? ' (' + state.selected.size + ')' : '');
        tr.classList.toggle('selected', e.target.checked);
      } });
      const toggle = kids.length ? el('button', { class: 'toggle', title: 'nested runs', onclick: () => {
        if (open) state.expanded.delete(id); else state.expanded.add(id);
        render();
      } }, (open ? '▾ ' : '▸ ') + kids.length) : null;
      const tr = el('tr', { 'data-run-id': id, class: (depth ? 'child depth' + depth : '') + (state.selected.has(id) ? ' selected' : ''), hidden },
        el('td', {}, box),
        cols.map(c => c.id === 'attr:run_name'
          ? el('td', { class: 'name' }, toggle, el('a', { href: Lathe.href('run', { id }), class: 'run-name' }, run.info.run_name),
            Lathe.isSearch(run) ? el('a', { href: Lathe.href('search', { id }), class: 'search-link', title: 'the search (study) page' }, ' search ▸') : null)
          : el('td', { class: c.kind === 'metric' ? 'num' : null }, cell(run, c))));
      rows.push(tr);
      kids.forEach(k => addRow(k, depth + 1, hidden || !open));
    };
    top.forEach(r => addRow(r, 0, false));
    const t = el('table', { id: 'runs' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), cols.map(header))),
      el('tbody', {}, rows));
    tableBox.replaceChildren(t);
    if (!state.runs.length) tableBox.append(el('p', { class: 'muted', id: 'no-runs' }, 'No runs match.'));
    prev.disabled = state.page === 0;
    next.disabled = !state.tokens[state.page + 1];
    const first = state.page * state.pageSize + 1;
    pageLabel.textContent = state.runs.length
      ? 'Page ' + (state.page + 1) + ' · runs ' + first + '–' + (first + state.runs.length - 1) : 'Page ' + (state.page + 1);
    picker.querySelector('summary').textContent = 'Columns (' + state.columns.length + ')';
    if (picker.open) drawPicker();
  }

  const pickerSearch = el('input', { type: 'search', id: 'column-search', placeholder: 'find a column' });
  const pickerList = el('div', {});
  pickerBody.append(pickerSearch, pickerList);
  let pickerTimer;
  pickerSearch.addEventListener('input', () => { clearTimeout(pickerTimer); pickerTimer = setTimeout(drawPicker, 150); });
  picker.addEventListener('toggle', () => { if (picker.open && !pickerList.hasChildNodes()) drawPicker(); });

  function columnBox(id) {
    return el('label', {}, el('input', { type: 'checkbox', 'data-column': id, checked: state.columns.includes(id), onchange: e => {
      state.columns = e.target.checked ? [...state.columns, id] : state.columns.filter(c => c !== id);
      localStorage.setItem('lathe.columns.' + experimentId, JSON.stringify(state.columns));
      load();
    } }), ' ', column(id).label);
  }

  /** The picker's groups: attributes, then the keys matching the search, asked of the server per kind. */
  async function drawPicker() {
    const q = pickerSearch.value.trim();
    let found;
    try {
      found = await Promise.all(['metric', 'param', 'tag'].map(kind => keys(kind, q, PICKER_LIMIT)));
    } catch (e) {
      Lathe.showError(e, filterError);
      return;
    }
    const attrs = ATTRIBUTES.filter(a => a.label.toLowerCase().includes(q.toLowerCase())).map(a => a.id);
    const groups = [['Attributes', attrs, attrs.length]].concat(['metric', 'param', 'tag'].map((kind, i) =>
      [GROUPS[kind][0], found[i].keys.map(k => kind + ':' + k), found[i].total]));
    pickerList.replaceChildren(...groups.map(([name, ids, total]) => el('div', { 'data-group': name },
      el('h4', {}, name + ' (' + total + ')' + (total > ids.length ? ' · first ' + ids.length + ', type to narrow' : '')),
      ids.map(columnBox))));
    pickerList.dataset.query = q;
  }

  load();
})();
