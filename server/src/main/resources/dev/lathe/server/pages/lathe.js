/* Lathe UI: what every page shares. User text only ever enters the page as text nodes (never as HTML). */
'use strict';
const Lathe = (() => {
  const API = '/ajax-api/2.0/mlflow/';
  const EXTENSIONS = '/ajax-api/2.0/lathe/';
  const pages = document.body.dataset;

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c == null) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  /** An error answered by the API: MLflow's error_code and message. */
  class ApiError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }

  /** Calls an endpoint of MLflow's REST API: GET with a query string, other methods with a JSON body. */
  function api(endpoint, params, method) {
    return call(API + endpoint, params, method);
  }

  /** Calls one of Lathe's extensions next to MLflow's API (e.g. 'runs/table'), as {@link api}. */
  function ext(endpoint, params, method) {
    return call(EXTENSIONS + endpoint, params, method);
  }

  async function call(path, params, method) {
    const m = method || 'GET';
    let url = path;
    const init = { method: m, headers: {} };
    if (m === 'GET') {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(params || {})) {
        if (Array.isArray(v)) v.forEach(x => q.append(k, x));
        else if (v != null && v !== '') q.append(k, v);
      }
      url += '?' + q;
    } else {
      init.body = JSON.stringify(params || {});
      init.headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(url, init);
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new ApiError(json.error_code || 'HTTP ' + r.status, json.message || r.statusText);
    return json;
  }

  /** A link to one of the UI's pages ({@code route} as in PageRoute, e.g. 'run'). */
  function href(route, params) {
    const base = pages['page' + route.charAt(0).toUpperCase() + route.slice(1)];
    const q = new URLSearchParams(params || {}).toString();
    return q ? base + '?' + q : base;
  }

  /** A download of an artifact as MLflow's server serves it. */
  function artifactUrl(runId, path) {
    return '/get-artifact?' + new URLSearchParams({ run_uuid: runId, path: path });
  }

  function showError(e, where) {
    const box = where || document.getElementById('error');
    box.textContent = e instanceof ApiError ? e.code + ': ' + e.message : String(e && e.message || e);
    box.hidden = false;
  }

  function clearError(where) {
    const box = where || document.getElementById('error');
    box.textContent = '';
    box.hidden = true;
  }

  const pad = n => String(n).padStart(2, '0');
  function time(ms) {
    if (ms == null || ms === '') return '';
    const d = new Date(Number(ms));
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' +
      pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  function duration(start, end) {
    if (!start || !end) return '';
    const s = (Number(end) - Number(start)) / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    if (s < 3600) return (s / 60).toFixed(1) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }
  function num(v) {
    if (typeof v === 'string') return v;
    if (v == null) return '';
    if (Number.isInteger(v)) return String(v);
    return Number(v.toPrecision(6)).toString();
  }

  /** A table from header labels and rows of cells (strings or nodes). */
  function table(headers, rows, attrs) {
    return el('table', attrs || {},
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
      el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
  }

  /** key → value of MLflow's [{key, value}] lists. */
  function byKey(list) {
    const out = {};
    (list || []).forEach(x => { out[x.key] = x.value; });
    return out;
  }

  /** Every page of a paged API call, concatenated (field: the list's name in the answer). */
  async function all(endpoint, params, field, method) {
    const out = [];
    let token;
    do {
      const r = await api(endpoint, Object.assign({}, params, { page_token: token }), method);
      out.push(...(r[field] || []));
      token = r.next_page_token;
    } while (token);
    return out;
  }

  /** True when a run (as runs/get answers it) is a search parent: it has a search page. */
  function isSearch(run) {
    return byKey(run.data && run.data.tags)[pages.searchTag] === 'true';
  }

  return { el, api, ext, isSearch, all, href, artifactUrl, showError, clearError, time, duration, num, table, byKey, ApiError, pages };
})();
