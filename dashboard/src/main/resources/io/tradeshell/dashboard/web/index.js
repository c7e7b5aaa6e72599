'use strict';
(async () => {
  const q = new URLSearchParams(location.search);
  const index = await TS.get('/api/index');
  if (index.focus && !q.has('all')) {
    location.replace(TS.link(index.focusKind === 'sweep' ? '/sweep' : '/run', index.focus));
    return;
  }
  const of = kind => index.entries.filter(e => e.kind === kind);
  const name = page => ({title: 'name', html: e => `<a href="${TS.link(page, e.ref)}">${TS.esc(e.name)}</a>`});
  const when = {title: 'modified', value: e => new Date(e.modified).toISOString().slice(0, 16).replace('T', ' ')};
  TS.table(document.getElementById('paper'), [name('/run'), {title: 'script', value: e => e.script.split('/').pop()},
    {title: 'session', value: e => e.state}, {title: 'trading', html: e => `<span class="badge ${e.tradingState}">${TS.esc(e.tradingState)}</span>`},
    {title: 'equity', cls: 'n', value: e => TS.num(e.equity)}, when], of('paper'));
  TS.table(document.getElementById('run'), [name('/run'), {title: 'strategy', value: e => e.script}, {title: 'mode', value: e => e.mode},
    {title: 'return', cls: 'n', value: e => TS.pct(e.totalReturn)}, {title: 'trades', cls: 'n', value: e => e.trades ?? ''}, when], of('run'));
  TS.table(document.getElementById('sweep'), [name('/sweep'), {title: 'strategy', value: e => e.script},
    {title: 'combinations', cls: 'n', value: e => e.combinations}, when], of('sweep'));
  TS.footer();
})();
