'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const rows = [];
  let sweep = null, objective = 'sharpe', lower = false, linePlot = null;
  const lowerIsBetter = new Set(['maxDrawdown', 'maxDrawdownDuration', 'volatility', 'avgLoss', 'commissions']);
  $('title').textContent = TS.dir.split('/').pop();

  // The swept parameters: those whose values differ between combinations.
  function axes() {
    const names = rows.length ? Object.keys(rows[0].params) : [];
    return names.filter(n => new Set(rows.map(r => r.params[n])).size > 1);
  }

  const value = r => { const v = r.metrics[objective]; return typeof v === 'number' ? v : null; };

  function color(t) { // blue (worse) to green (better), through pale yellow
    const stops = [[49, 54, 149], [116, 173, 209], [255, 255, 191], [166, 217, 106], [26, 152, 80]];
    const x = Math.max(0, Math.min(1, t)) * (stops.length - 1), i = Math.min(stops.length - 2, Math.floor(x)), f = x - i;
    return 'rgb(' + stops[i].map((c, k) => Math.round(c + f * (stops[i + 1][k] - c))).join(',') + ')';
  }

  function heatmap(px, py) {
    const cv = $('heatmap'), xs = [...new Set(rows.map(r => r.params[px]))].sort((a, b) => a - b);
    const ys = [...new Set(rows.map(r => r.params[py]))].sort((a, b) => a - b);
    // axes from the plan when known, so empty cells show what is still to come
    const dpr = window.devicePixelRatio || 1, W = cv.clientWidth || 900, H = Math.min(520, 60 + ys.length * 34);
    cv.width = W * dpr; cv.height = H * dpr; cv.style.height = H + 'px';
    const g = cv.getContext('2d'); g.scale(dpr, dpr); g.clearRect(0, 0, W, H);
    const L = 70, T = 10, B = 40, cw = (W - L - 90) / xs.length, ch = (H - T - B) / ys.length;
    const vals = rows.map(value).filter(v => v != null), lo = Math.min(...vals), hi = Math.max(...vals);
    g.font = '11px system-ui'; g.textAlign = 'center'; g.textBaseline = 'middle';
    for (const r of rows) {
      const v = value(r), i = xs.indexOf(r.params[px]), j = ys.indexOf(r.params[py]);
      const t = v == null || hi === lo ? 0.5 : (v - lo) / (hi - lo);
      g.fillStyle = v == null ? '#e3e7ec' : color(lower ? 1 - t : t);
      g.fillRect(L + i * cw + 1, T + (ys.length - 1 - j) * ch + 1, cw - 2, ch - 2);
      if (cw > 34 && v != null) { g.fillStyle = '#1d2733'; g.fillText(TS.num(v, 2), L + (i + .5) * cw, T + (ys.length - 1 - j + .5) * ch); }
    }
    g.fillStyle = '#6b7785';
    xs.forEach((x, i) => g.fillText(x, L + (i + .5) * cw, H - B + 14));
    g.textAlign = 'right';
    ys.forEach((y, j) => g.fillText(y, L - 8, T + (ys.length - 1 - j + .5) * ch));
    g.textAlign = 'center'; g.fillText(px, L + (W - L - 90) / 2, H - 8);
    g.save(); g.translate(14, T + (H - T - B) / 2); g.rotate(-Math.PI / 2); g.fillText(py, 0, 0); g.restore();
    for (let k = 0; k < 50; k++) { g.fillStyle = color(lower ? k / 49 : 1 - k / 49); g.fillRect(W - 70, T + k * (H - T - B) / 50, 14, (H - T - B) / 50 + 1); }
    g.textAlign = 'left'; g.fillStyle = '#6b7785';
    g.fillText(TS.num(lower ? lo : hi), W - 52, T + 6); g.fillText(TS.num(lower ? hi : lo), W - 52, H - B - 6);
  }

  function line(px) {
    if (!linePlot) linePlot = Lines.make($('line'), [{label: objective, stroke: '#2f6fdb', points: {show: true, size: 6}}],
        {axis: (u, v) => v.map(x => TS.num(x, 2))});
    linePlot.scales.x.time = false;
    const pts = rows.map(r => [r.params[px], value(r)]).sort((a, b) => a[0] - b[0]);
    linePlot.setData([pts.map(p => p[0]), pts.map(p => p[1])]);
  }

  const draw = TS.throttle(() => {
    const total = sweep ? sweep.combinations : 0;
    $('progress').style.width = total ? Math.min(100, 100 * rows.length / total) + '%' : '0';
    $('progress-text').textContent = `${rows.length}${total ? ' of ' + total : ''} combinations` + (total && rows.length >= total ? ', done' : '');
    $('progress-text').dataset.done = rows.length;
    const ax = axes();
    $('chart-title').textContent = `${objective} over ${ax.join(' × ') || 'the combinations'}`;
    $('heatmap').hidden = ax.length < 2;
    $('line').hidden = ax.length !== 1;
    if (ax.length >= 2) heatmap(ax[0], ax[1]);
    else if (ax.length === 1) line(ax[0]);
    const best = rows.filter(r => value(r) != null).sort((a, b) => lower ? value(a) - value(b) : value(b) - value(a)).slice(0, 10);
    const cols = [{title: 'rank', cls: 'n', value: r => best.indexOf(r) + 1}, ...ax.map(a => ({title: a, cls: 'n', value: r => r.params[a]})),
      ...['sharpe', 'totalReturn', 'maxDrawdown', 'trades'].map(m => ({title: m, cls: 'n',
        value: r => m === 'trades' ? r.metrics[m] : m === 'sharpe' ? TS.num(r.metrics[m]) : TS.pct(r.metrics[m])}))];
    TS.table($('best'), cols, best);
  });

  $('objective').onchange = e => { objective = e.target.value; lower = lowerIsBetter.has(objective); if (linePlot) { linePlot.destroy(); linePlot = null; } draw(); };
  TS.stream(TS.dir, {
    sweep: text => { sweep = JSON.parse(text); $('title').textContent = (sweep.strategy || '') + ' · ' + TS.dir.split('/').pop(); draw(); },
    best: text => { const b = JSON.parse(text); if (b.objective && rows.length === 0) objective = b.objective.metric; },
    optimize: l => {
      const r = JSON.parse(l);
      rows.push(r);
      if (rows.length === 1) {
        $('objective').innerHTML = Object.keys(r.metrics).map(m => `<option${m === objective ? ' selected' : ''}>${m}</option>`).join('');
      }
      draw();
    },
  });
  TS.footer();
})();
