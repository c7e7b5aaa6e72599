'use strict';
(async () => {
  const dir = TS.dir;
  const $ = id => document.getElementById(id);
  const equity = {t: [], e: [], b: [], dd: [], peak: -Infinity};
  const fills = [], trades = [], alerts = [], tca = [];
  const orders = new Map();
  let status = null, summary = null, isPaper = false;

  $('title').textContent = dir.split('/').pop();
  const eqPlot = Lines.make($('equity'), [{label: 'equity', stroke: '#2f6fdb'}, {label: 'buy and hold', stroke: '#9aa5b1', dash: [4, 3]}]);
  const ddPlot = Lines.make($('drawdown'), [{label: 'drawdown', stroke: '#c23b3b', fill: 'rgba(194,59,59,0.15)'}],
      {height: 180, axis: (u, vals, axis, space, step) => vals.map(v => TS.num(100 * v || 0, Lines.digits(100 * step)) + '%')});

  // Price: candles and the strategy's indicators from the replay, trade markers from fills.jsonl.
  const chart = LightweightCharts.createChart($('price'), {autoSize: true, layout: {attributionLogo: true},
    timeScale: {timeVisible: false}, rightPriceScale: {borderVisible: false}});
  const candles = chart.addSeries(LightweightCharts.CandlestickSeries,
      {upColor: '#1a8f5a', downColor: '#c23b3b', borderVisible: false, wickUpColor: '#1a8f5a', wickDownColor: '#c23b3b'});
  const markers = LightweightCharts.createSeriesMarkers(candles, []);
  const palette = ['#f0a30a', '#7b4fd6', '#12a4b6', '#d6487b', '#5b8c00'];
  let bars = [], overlays = [], shown = -1;

  const drawPrice = TS.throttle(() => {
    // a session shows the bars it has reached, not the rest of its data
    const until = isPaper ? (equity.t.length ? equity.t[equity.t.length - 1] : -Infinity) : Infinity;
    let n = 0;
    while (n < bars.length && bars[n][0] <= until) n++;
    if (n !== shown) {
      shown = n;
      candles.setData(bars.slice(0, n).map(b => ({time: b[0], open: b[1], high: b[2], low: b[3], close: b[4]})));
      overlays.forEach(o => o.series.setData(o.values.slice(0, n).map((v, i) => v == null ? {time: bars[i][0]} : {time: bars[i][0], value: v})));
      // the bars reached so far fill the pane, with room on the left for the first date's label
      if (n > 0) chart.timeScale().setVisibleLogicalRange({from: -Math.max(2, n * 0.03), to: n - 0.5});
    }
    const ms = fills.filter(f => f.symbol === $('symbol').textContent).slice(-400).map(f => ({time: TS.secs(f.time),
      position: f.side === 'BUY' ? 'belowBar' : 'aboveBar', shape: f.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      color: f.side === 'BUY' ? '#1a8f5a' : '#c23b3b', text: f.side === 'BUY' ? 'B' : 'S'}));
    markers.setMarkers(ms.sort((a, b) => a.time - b.time));
  });

  const drawEquity = TS.throttle(() => {
    eqPlot.setData([equity.t, equity.e, equity.b]);
    ddPlot.setData([equity.t, equity.dd]);
    $('equity-count').textContent = equity.t.length;
    $('equity-count').dataset.count = equity.t.length;
    drawPrice();
  });

  const drawTables = TS.throttle(() => {
    $('trade-count').textContent = trades.length ? '(' + trades.length + ')' : '';
    TS.table($('trades'), [{title: '#', cls: 'n', value: t => t.n}, {title: 'symbol', value: t => t.symbol}, {title: 'side', value: t => t.side},
      {title: 'qty', cls: 'n', value: t => TS.num(t.qty, 0)}, {title: 'entry', value: t => TS.day(t.entryTime)},
      {title: 'price', cls: 'n', value: t => TS.num(t.entryPrice)}, {title: 'exit', value: t => TS.day(t.exitTime)},
      {title: 'price', cls: 'n', value: t => TS.num(t.exitPrice)},
      {title: 'P&L', cls: 'n', html: t => `<span class="${t.pnl >= 0 ? 'pos' : 'neg'}">${TS.num(t.pnl)}</span>`},
      {title: 'return', cls: 'n', value: t => TS.pct(t.returnPct)}, {title: 'exit reason', value: t => t.exitReason}], trades.slice().reverse());
    const working = status ? status.openOrders : [...orders.values()].filter(o => ['NEW', 'ACCEPTED', 'PARTIALLY_FILLED'].includes(o.status));
    TS.table($('orders'), [{title: 'id', cls: 'n', value: o => o.id}, {title: 'symbol', value: o => o.symbol}, {title: 'side', value: o => o.side},
      {title: 'type', value: o => o.type}, {title: 'qty', cls: 'n', value: o => TS.num(o.qty, 0)},
      {title: 'limit', cls: 'n', value: o => TS.num(o.limitPrice)}, {title: 'stop', cls: 'n', value: o => TS.num(o.stopPrice)},
      {title: 'status', value: o => o.status}, {title: 'tag', value: o => o.tag}], working || []);
    const positions = status ? status.positions : (summary && summary.openPositions) || [];
    TS.table($('positions'), [{title: 'symbol', value: p => p.symbol}, {title: 'side', value: p => p.side},
      {title: 'qty', cls: 'n', value: p => TS.num(p.qty, 0)}, {title: 'avg price', cls: 'n', value: p => TS.num(p.avgPrice ?? p.entryPrice)},
      {title: 'last', cls: 'n', value: p => TS.num(p.lastPrice)},
      {title: 'unrealised', cls: 'n', html: p => { const u = p.unrealizedPnl ?? p.pnl; return `<span class="${u >= 0 ? 'pos' : 'neg'}">${TS.num(u)}</span>`; }}], positions);
    TS.table($('alerts'), [{title: 'time', value: a => TS.day(a.time)}, {title: 'what', value: a => a.what}, {title: '', value: a => a.text}],
        alerts.slice(-200).reverse());
    const keys = tca.length ? Object.keys(tca[0]).filter(k => typeof tca[0][k] !== 'object').slice(0, 9) : [];
    TS.table($('tca'), keys.map(k => ({title: k, cls: typeof tca[0][k] === 'number' ? 'n' : '', value: r => typeof r[k] === 'number' ? TS.num(r[k], 4) : r[k]})),
        tca.slice(-200).reverse());
  });

  function showStatus() {
    const s = status, m = summary && summary.metrics;
    const state = s ? s.tradingState : alerts.filter(a => a.state).map(a => a.state).pop() || 'ACTIVE';
    $('state').textContent = state;
    $('state').className = 'badge ' + state;
    $('session').textContent = s ? 'session ' + s.state + (s.feed && s.feed.time ? ' at ' + TS.day(s.feed.time) : '') : (summary ? summary.mode : '');
    const last = equity.e.length ? equity.e[equity.e.length - 1] : null;
    const facts = [['equity', TS.num(s ? s.equity : last)], ['cash', TS.num(s ? s.cash : null)],
      ['P&L', TS.num(s ? s.pnl : null)], ['return', m ? TS.pct(m.totalReturn) : ''], ['Sharpe', m ? TS.num(m.sharpe) : ''],
      ['max drawdown', m ? TS.pct(m.maxDrawdown) : TS.pct(-Math.min(0, ...equity.dd.slice(-5000)))]];
    $('facts').innerHTML = facts.filter(f => f[1] !== '').map(f => `<span>${f[0]} <b>${f[1]}</b></span>`).join('');
  }

  const onEquity = line => {
    const p = JSON.parse(line);
    equity.t.push(TS.secs(p.time));
    equity.e.push(p.equity);
    equity.b.push(p.benchmark ?? null);
    equity.peak = Math.max(equity.peak, p.equity);
    equity.dd.push(p.equity / equity.peak - 1);
    drawEquity();
  };

  TS.stream(dir, {
    equity: line => { onEquity(line); if (!status) showStatus(); },
    fills: line => { fills.push(JSON.parse(line)); drawPrice(); },
    trades: line => { const t = JSON.parse(line); t.n = trades.length + 1; trades.push(t); drawTables(); },
    orders: line => { const o = JSON.parse(line); orders.set(o.id, o); drawTables(); },
    events: line => {
      const e = JSON.parse(line);
      if (e.type === 'TradingStateChanged') alerts.push({time: e.time, what: e.state, state: e.state, text: e.reason});
      else if (e.type === 'RiskDenied') alerts.push({time: e.time, what: 'risk denied', text: `${e.side} ${e.qty} ${e.symbol}: ${e.reason}`});
      else if (e.type === 'Note') alerts.push({time: e.time, what: 'note', text: e.message});
      else return;
      drawTables(); showStatus();
    },
    alerts: line => { alerts.push({time: '', what: 'alert', text: line}); drawTables(); },
    tca: line => { tca.push(JSON.parse(line)); drawTables(); },
    status: text => {
      status = JSON.parse(text);
      isPaper = true;
      $('buttons').hidden = status.state !== 'running'; // commands go to a running session
      showStatus(); drawTables(); drawPrice(); refreshParity();
    },
    summary: text => { summary = JSON.parse(text); if (summary.name) $('title').textContent = summary.name + ' · ' + dir.split('/').pop(); showStatus(); drawTables(); },
  });

  // Operator buttons: each asks first, then goes through the account's command inbox.
  for (const b of document.querySelectorAll('#buttons button')) {
    b.onclick = async () => {
      const what = b.dataset.do;
      if (!confirm(`${what} paper session ${dir.split('/').pop()}?`)) return;
      try {
        $('answer').textContent = what + ': sent';
        const answer = await TS.post('/api/command?dir=' + encodeURIComponent(dir) + '&do=' + what);
        $('answer').textContent = answer.message; // beside the buttons, where the next status does not write over it
      } catch (e) {
        $('answer').textContent = what + ': ' + e.message;
      }
    };
  }

  // the replay cannot be made before a session's account exists: asked again for a minute
  let chartTries = 0;
  const loadChart = () => TS.get('/api/chart?dir=' + encodeURIComponent(dir)).then(c => {
    if (!c.bars) {
      if (++chartTries < 30) setTimeout(loadChart, 2000);
      return;
    }
    $('symbol').textContent = c.symbol;
    bars = c.bars;
    // bars shorter than a day: the axis names hours and minutes, not the same day over and over
    if (bars.length > 1 && bars[1][0] - bars[0][0] < 86400) chart.applyOptions({timeScale: {timeVisible: true}});
    overlays = c.overlays.map((o, i) => ({values: o.values,
      series: chart.addSeries(LightweightCharts.LineSeries, {color: palette[i % palette.length], lineWidth: 1.5, priceLineVisible: false, lastValueVisible: false})}));
    $('overlay-legend').innerHTML = c.overlays.map((o, i) => `<span style="color:${palette[i % palette.length]}">— ${TS.esc(o.name)}</span>`).join(' ');
    shown = -1;
    drawPrice();
  }).catch(() => {});
  loadChart();

  // Backtest versus live: the script's backtest over the same data beside the session, and the trades that differ.
  const parityPlot = {plot: null, ts: null, bt: null};
  async function parity() {
    const p = await TS.get('/api/parity?dir=' + encodeURIComponent(dir));
    if (!p.hasBacktest) return;
    if (!parityPlot.ts) { // the backtest's equity does not change: asked for once
      const c = await TS.get('/api/parity?curve&dir=' + encodeURIComponent(dir));
      if (!c.backtestEquity) return;
      parityPlot.ts = c.backtestEquity.map(x => x[0]);
      parityPlot.bt = c.backtestEquity.map(x => x[1]);
    }
    $('parity-pane').hidden = false;
    if (!parityPlot.plot) parityPlot.plot = Lines.make($('parity-chart'), [{label: 'backtest', stroke: '#f0a30a', width: 3},
      {label: 'paper session', stroke: '#2f6fdb', width: 1.5}]);
    const ts = parityPlot.ts;
    const live = new Map(equity.t.map((t, i) => [t, equity.e[i]]));
    parityPlot.plot.setData([ts, parityPlot.bt, ts.map(t => live.get(t) ?? null)]);
    $('parity-note').textContent = `${p.paperTrades} paper trades, ${p.backtestTrades} backtest trades so far; ${p.differences.length} differ`;
    const tr = t => t ? `${t.side} ${TS.num(t.qty, 0)} ${t.symbol} ${TS.day(t.entryTime)} @ ${TS.num(t.entryPrice)} → ${TS.day(t.exitTime)} @ ${TS.num(t.exitPrice)}, P&L ${TS.num(t.pnl)}` : '(no such trade)';
    TS.table($('parity-diffs'), [{title: '#', cls: 'n', value: d => d.number}, {title: 'cause', value: d => d.cause},
      {title: 'backtest', value: d => tr(d.backtest)}, {title: 'paper', value: d => tr(d.paper)}, {title: 'why', value: d => d.detail}], p.differences);
  }
  // while a session runs, the pane follows it every few seconds
  let parityDue = 0, parityPending = false;
  function refreshParity() {
    if (parityPending) return;
    parityPending = true;
    setTimeout(() => {
      parityPending = false;
      parityDue = Date.now() + 3000;
      parity().catch(() => {});
    }, Math.max(500, parityDue - Date.now()));
  }
  $('parity-refresh').onclick = () => parity().catch(() => {});
  TS.footer();
})();
