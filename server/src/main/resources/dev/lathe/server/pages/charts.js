/* Lathe UI charts: metric histories with uPlot (served from this server), scatter and parallel
   coordinates as SVG drawn here. Labels enter the SVG as text nodes. */
'use strict';
const LatheCharts = (() => {
  const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7ea4', '#6e7781'];
  const SVG = 'http://www.w3.org/2000/svg';
  const color = i => COLORS[i % COLORS.length];

  /** Points per run a chart asks for; the server keeps each step interval's min and max (the shape survives). */
  const CHART_POINTS = 1000;
  /** Runs per request, MLflow's limit for metrics/get-history-bulk-interval. */
  const RUNS_PER_REQUEST = 100;

  /**
   * One metric's history for each of {@code runIds}, thinned on the server to at most CHART_POINTS points
   * a run (metrics/get-history-bulk-interval): a Map run id -> points ({@code thinned} when the budget was
   * reached, so the history may hold more).
   */
  async function histories(runIds, key) {
    const out = new Map(runIds.map(id => [id, []]));
    for (let i = 0; i < runIds.length; i += RUNS_PER_REQUEST) {
      const r = await Lathe.api('metrics/get-history-bulk-interval',
        { run_ids: runIds.slice(i, i + RUNS_PER_REQUEST), metric_key: key, max_results: CHART_POINTS });
      (r.metrics || []).forEach(p => out.get(p.run_id).push(
        { step: Number(p.step), timestamp: Number(p.timestamp), value: typeof p.value === 'number' ? p.value : NaN }));
    }
    out.forEach(points => { points.thinned = points.length >= CHART_POINTS; });
    return out;
  }

  /** A metric's history for one run, as {@link histories}. */
  async function history(runId, key) {
    return (await histories([runId], key)).get(runId);
  }

  /** Overlaid line charts: series [{label, points}] against step or time ({@code x}: 'step' | 'time'). */
  function lines(container, series, x, width) {
    const field = x === 'time' ? 'timestamp' : 'step';
    const tables = series.map(s => {
      const pts = s.points.slice().sort((a, b) => a[field] - b[field]);
      return [pts.map(p => x === 'time' ? p.timestamp / 1000 : p.step), pts.map(p => Number.isFinite(p.value) ? p.value : null)];
    });
    const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
    const opts = {
      width: width || Math.max(360, container.clientWidth - 20), height: 280,
      scales: { x: { time: x === 'time' } },
      series: [{ label: x === 'time' ? 'time' : 'step' }].concat(series.map((s, i) => ({
        label: s.label, stroke: color(i), width: 1.5, spanGaps: true, points: { show: false } }))),
      axes: [{}, { size: 60 }],
    };
    container.replaceChildren();
    return new uPlot(opts, data, container);
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text != null) e.textContent = String(text);
    return e;
  }

  function scale(values, lo, hi) {
    const finite = values.filter(Number.isFinite);
    let min = Math.min(...finite), max = Math.max(...finite);
    if (!finite.length) { min = 0; max = 1; }
    if (min === max) { min -= 1; max += 1; }
    const pad = (max - min) * 0.06;
    min -= pad;
    max += pad;
    return v => Number.isFinite(v) ? lo + (v - min) / (max - min) * (hi - lo) : null;
  }

  const short = v => Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '';

  /** A scatter of points [{x, y, label}] with axis names. */
  function scatter(container, points, xName, yName) {
    const w = 520, h = 340, m = 50;
    const sx = scale(points.map(p => p.x), m, w - 15), sy = scale(points.map(p => p.y), h - m, 15);
    const root = svg('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, id: 'scatter-svg' });
    root.append(svg('line', { class: 'axis', x1: m, y1: h - m, x2: w - 10, y2: h - m }),
      svg('line', { class: 'axis', x1: m, y1: 10, x2: m, y2: h - m }),
      svg('text', { x: w / 2, y: h - 12, 'text-anchor': 'middle' }, xName),
      svg('text', { x: 14, y: h / 2, transform: 'rotate(-90 14 ' + h / 2 + ')', 'text-anchor': 'middle' }, yName));
    const xs = points.map(p => p.x).filter(Number.isFinite), ys = points.map(p => p.y).filter(Number.isFinite);
    if (xs.length) {
      root.append(svg('text', { x: m, y: h - m + 14 }, short(Math.min(...xs))),
        svg('text', { x: w - 15, y: h - m + 14, 'text-anchor': 'end' }, short(Math.max(...xs))),
        svg('text', { x: m - 4, y: h - m, 'text-anchor': 'end' }, short(Math.min(...ys))),
        svg('text', { x: m - 4, y: 20, 'text-anchor': 'end' }, short(Math.max(...ys))));
    }
    points.forEach((p, i) => {
      const cx = sx(p.x), cy = sy(p.y);
      if (cx == null || cy == null) return;
      const dot = svg('circle', { class: 'dot', cx, cy, r: 5, fill: color(i) });
      dot.append(svg('title', {}, p.label + ': ' + short(p.x) + ', ' + short(p.y)));
      root.append(dot);
    });
    container.replaceChildren(root);
  }

  /** Parallel coordinates: axes [{name, values}] (one value per run), runs labelled {@code labels}. */
  function parallel(container, axes, labels) {
    const w = Math.max(520, container.clientWidth - 10), h = 320, top = 34, bottom = h - 24;
    const root = svg('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, id: 'parallel-svg' });
    const xOf = i => 50 + i * (w - 120) / Math.max(1, axes.length - 1);
    const scales = axes.map(a => scale(a.values, bottom, top));
    axes.forEach((a, i) => {
      const finite = a.values.filter(Number.isFinite);
      root.append(svg('line', { class: 'axis', x1: xOf(i), y1: top, x2: xOf(i), y2: bottom }),
        svg('text', { x: xOf(i), y: 14, 'text-anchor': 'middle' }, a.name),
        svg('text', { x: xOf(i) + 3, y: top - 4 }, short(Math.max(...finite))),
        svg('text', { x: xOf(i) + 3, y: bottom + 14 }, short(Math.min(...finite))));
    });
    labels.forEach((label, r) => {
      const pts = axes.map((a, i) => [xOf(i), scales[i](a.values[r])]).filter(p => p[1] != null);
      const line = svg('polyline', { class: 'line', stroke: color(r), points: pts.map(p => p.join(',')).join(' ') });
      line.append(svg('title', {}, label));
      root.append(line);
    });
    container.replaceChildren(root);
  }

  return { lines, history, histories, scatter, parallel, color };
})();
