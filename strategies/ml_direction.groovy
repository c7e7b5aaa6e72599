// Direction from a model trained walk-forward: a random forest learns, from momentum, RSI and
// distance-from-average features, whether the close will be higher five bars on. It is refitted
// every three months on the last two years, each time only on bars whose five-bar outcome was
// known (and an embargo of five bars) before the fit. Long while the model gives better than
// `enter` odds of a rise; out when they fall below `exit`. Runs on the bundled XLK daily bars:
//   ./tradeshell run strategies/ml_direction.groovy --data data/sectors/xlk_daily_2019-2026.json
// The forest's settings are parameters, so a sweep tries them like any other (each is a trial of the
// deflated Sharpe ratio):  ./tradeshell optimize strategies/ml_direction.groovy --data ... -p depth=2..6
title 'ML direction (walk-forward random forest)'
params horizon: 5, enter: 0.55, exit: 0.45, percent: 95, trees: 100, depth: 4

model 'dir',
    features: [roc(close, 5), roc(close, 20), rsi(14), zscore(close, 20), stddev(roc(close, 1), 20)],
    label:    forwardReturn(horizon) > 0,
    learner:  forest(trees: trees, depth: depth),
    train:    '2y',
    retrain:  '3mo'

buyWhen  prob('dir') > enter, percent: percent
sellWhen prob('dir') < exit
