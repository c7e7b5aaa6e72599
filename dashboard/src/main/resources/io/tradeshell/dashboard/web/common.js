// Shared by every page: the token, requests, the event stream, number formats, the footer.
'use strict';
const TS = (() => {
  const q = new URLSearchParams(location.search);
  if (q.get('token')) sessionStorage.setItem('tradeshell_token', q.get('token'));
  const token = sessionStorage.getItem('tradeshell_token') || '';
  const dir = q.get('dir');
  const link = (page, ref) => page + '?dir=' + encodeURIComponent(ref);

  async function get(path) {
    const r = await fetch(path, {headers: {'X-Tradeshell-Token': token}});
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.headers.get('Content-Type').startsWith('application/json') ? r.json() : r.text();
  }

  async function post(path) {
    const r = await fetch(path, {method: 'POST', headers: {'X-Tradeshell-Token': token}});
    if (!r.ok) throw new Error('refused (' + r.status + ')');
    return r.json();
  }

  // Each journal line arrives once, in order; the browser resumes after a drop (Last-Event-ID).
  // A journal's event carries the lines read together, one a data line; a snapshot's carries the file.
  const JOURNALS = new Set(['equity', 'fills', 'trades', 'orders', 'events', 'alerts', 'tca', 'optimize']);
  // A browser gives up on a stream that was refused (a session page opened before its account
  // exists, a dashboard restarted): asked again every second, from where it had got.
  function stream(ref, handlers, lastId = '') {
    const es = new EventSource('/api/stream?dir=' + encodeURIComponent(ref) + (lastId ? '&from=' + encodeURIComponent(lastId) : ''));
    let last = lastId;
    for (const [event, fn] of Object.entries(handlers)) {
      es.addEventListener(event, JOURNALS.has(event) ? e => { last = e.lastEventId || last; for (const line of e.data.split('\n')) fn(line); } : e => fn(e.data));
    }
    es.onerror = () => {
      document.body.classList.add('offline');
      if (es.readyState === EventSource.CLOSED) setTimeout(() => stream(ref, handlers, last), 1000);
    };
    es.onopen = () => document.body.classList.remove('offline');
    return es;
  }

  // Charts redraw at most four times a second, however fast lines come in.
  function throttle(fn, ms = 250) {
    let pending = false;
    return () => {
      if (pending) return;
      pending = true;
      setTimeout(() => { pending = false; fn(); }, ms);
    };
  }

  const num = (v, d = 2) => v == null || Number.isNaN(v) ? '' :
      Number(v).toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
  const pct = v => v == null ? '' : num(100 * v, 2) + '%';
  const secs = iso => Date.parse(iso) / 1000;
  const day = iso => iso ? iso.replace('T00:00:00Z', '').replace('T', ' ').replace('Z', '') : '';
  const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

  function table(el, columns, rows) {
    const head = '<tr>' + columns.map(c => `<th class="${c.cls || ''}">${esc(c.title)}</th>`).join('') + '</tr>';
    const body = rows.map(r => '<tr>' + columns.map(c => `<td class="${c.cls || ''}">${c.html ? c.html(r) : esc(c.value(r))}</td>`).join('') + '</tr>').join('');
    el.innerHTML = rows.length ? `<table>${head}${body}</table>` : '<p class="none">none</p>';
  }

  function footer() {
    const f = document.createElement('footer');
    f.innerHTML = 'Charts: <a href="https://www.tradingview.com/" target="_blank" rel="noopener">TradingView Lightweight Charts™</a> ' +
        'Copyright (c) 2025 TradingView, Inc. (Apache-2.0) and uPlot (MIT). Licences: ' +
        '<a href="/assets/vendor/lightweight-charts.LICENSE">lightweight-charts</a>, ' +
        '<a href="/assets/vendor/lightweight-charts.NOTICE">NOTICE</a>, <a href="/assets/vendor/uPlot.LICENSE">uPlot</a>.';
    document.body.appendChild(f);
  }

  return {token, dir, link, get, post, stream, throttle, num, pct, secs, day, esc, table, footer};
})();
