// Line charts (uPlot) sized to their section, redrawn from plain arrays.
'use strict';
const Lines = {
  make(el, series, opts = {}) {
    const width = () => Math.max(300, el.clientWidth);
    const plot = new uPlot({
      width: width(), height: opts.height || 240, scales: {x: {time: true}}, legend: {live: false},
      series: [{}, ...series.map(s => Object.assign({width: 1.5, points: {show: false}}, s))],
      axes: [{}, {size: 70, values: opts.axis || ((u, vals) => vals.map(v => TS.num(v, 0)))}],
    }, [[], ...series.map(() => [])], el);
    new ResizeObserver(() => plot.setSize({width: width(), height: opts.height || 240})).observe(el);
    return plot;
  },
};
