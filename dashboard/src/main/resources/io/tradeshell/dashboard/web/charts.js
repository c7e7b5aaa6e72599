// Line charts (uPlot) sized to their section, redrawn from plain arrays.
'use strict';
const Lines = {
  // the decimals an axis step needs to be shown exactly (2.5 needs one, 0.25 two, 5000 none), at most 4
  digits: step => {
    const d = Math.max(0, -Math.floor(Math.log10(step) + 1e-9)), scaled = step * 10 ** d;
    return Math.min(4, Math.abs(scaled - Math.round(scaled)) > 1e-6 * scaled ? d + 1 : d);
  },
  make(el, series, opts = {}) {
    const width = () => Math.max(300, el.clientWidth);
    const plot = new uPlot({
      width: width(), height: opts.height || 240, scales: {x: {time: true}}, legend: {live: false},
      series: [{}, ...series.map(s => Object.assign({width: 1.5, points: {show: false}}, s))],
      axes: [{}, {size: 70, values: opts.axis || ((u, vals, axis, space, step) => vals.map(v => TS.num(v, Lines.digits(step))))}],
    }, [[], ...series.map(() => [])], el);
    new ResizeObserver(() => plot.setSize({width: width(), height: opts.height || 240})).observe(el);
    return plot;
  },
};
