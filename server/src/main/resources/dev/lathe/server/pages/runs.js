/* The runs table of an experiment: MLflow filter, sort by any column, server-side paging (page tokens),
   a column picker (10 columns by default), nested runs collapsed under their parent, compare. */
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
    known: { metric: new Set(), param: new Set(), tag: new Set() },
    expanded: new Set(),
    selected: new Set(),
    runs: [],
    values: url.searchParams.get('values') || 'latest',
    summaries: new Map(),
  };
  const SUMMARIES = '/ajax-api/2.0/lathe/metrics/summaries';

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

  async function load() {
    let answer;
    try {
      answer = await Lathe.api('runs/search', {
        experiment_ids: [experimentId], filter: state.filter, order_by: [state.order],
        max_results: state.pageSize, page_token: state.tokens[state.page] || undefined,
      }, 'POST');
    } catch (e) {
      Lathe.showError(e, filterError);
      return;
    }
    Lathe.clearError(filterError);
    remember();
    state.tokens[state.page + 1] = answer.next_page_token || null;
    state.runs = answer.runs || [];
    state.runs.forEach(r => {
      (r.data.metrics || []).forEach(m => state.known.metric.add(m.key));
      (r.data.params || []).forEach(p => state.known.param.add(p.key));
      (r.data.tags || []).forEach(t => { if (!t.key.startsWith('mlflow.')) state.known.tag.add(t.key); });
    });
    if (!state.columns) state.columns = defaultColumns();
    await summarize();
    render();
  }

  /** Min and max of the shown metric columns for the page's runs (one request), when asked for. */
  async function summarize() {
    state.summaries = new Map();
    const keys = state.columns.filter(c => c.startsWith('metric:')).map(c => c.slice('metric:'.length));
    if (state.values === 'latest' || !keys.length || !state.runs.length) return;
    const q = new URLSearchParams();
    state.runs.forEach(r => q.append('run_id', r.info.run_id));
    keys.forEach(k => q.append('key', k));
    try {
      const r = await fetch(SUMMARIES + '?' + q);
      const json = await r.json();
      if (!r.ok) throw new Lathe.ApiError(json.error_code, json.message);
      (json.summaries || []).forEach(x => state.summaries.set(x.run_id + '\u0000' + x.key, x));
    } catch (e) {
      Lathe.showError(e, filterError);
    }
  }

  function defaultColumns() {
    const cols = ['attr:run_name', 'attr:start_time', 'attr:duration', 'attr:status'];
    for (const kind of ['metric', 'param']) {
      for (const k of [...state.known[kind]].sort()) {
        if (cols.length >= DEFAULT_COLUMNS) return cols;
        cols.push(kind + ':' + k);
      }
    }
    return cols;
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
    renderPicker();
  }

  function renderPicker() {
    const search = el('input', { type: 'search', id: 'column-search', placeholder: 'find a column' });
    const list = el('div', {});
    const draw = () => {
      const q = search.value.toLowerCase();
      const groups = [['Attributes', ATTRIBUTES.map(a => a.id)]];
      for (const kind of ['metric', 'param', 'tag']) {
        groups.push([GROUPS[kind][0], [...state.known[kind]].sort().map(k => kind + ':' + k)]);
      }
      list.replaceChildren(...groups.map(([name, ids]) => {
        const shown = ids.filter(id => column(id).label.toLowerCase().includes(q)).slice(0, 200);
        return el('div', {}, el('h4', {}, name + ' (' + ids.length + ')'), shown.map(id => el('label', {},
          el('input', { type: 'checkbox', 'data-column': id, checked: state.columns.includes(id), onchange: e => {
            state.columns = e.target.checked ? [...state.columns, id] : state.columns.filter(c => c !== id);
            localStorage.setItem('lathe.columns.' + experimentId, JSON.stringify(state.columns));
            summarize().then(render);
            picker.open = true;
          } }), ' ', column(id).label)));
      }));
    };
    search.addEventListener('input', draw);
    draw();
    pickerBody.replaceChildren(search, list);
    picker.querySelector('summary').textContent = 'Columns (' + state.columns.length + ')';
  }

  load();
})();
