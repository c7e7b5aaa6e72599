// Pairs: the z-score of log(a / b) over `window` bars. When the ratio is stretched (|z| >= entry),
// sell the rich leg and buy the cheap one for the same amount of money; close both legs once it
// has come back (|z| <= exit). Run it on data holding both symbols: --data 'data/sectors/*.json'
title 'Pairs z-score'
params a: 'XLK', b: 'XLY', window: 60, entry: 2.0, exit: 0.5

portfolio(schedule: 'bar') {
    double z = value(zscore(logRatio(a, b), window))
    if (Double.isNaN(z)) return
    boolean flat = position(a) == 0 && position(b) == 0
    if (flat && z >= entry) targetWeights([(a): -0.5, (b): 0.5])
    else if (flat && z <= -entry) targetWeights([(a): 0.5, (b): -0.5])
    else if (!flat && Math.abs(z) <= exit) targetWeights([:])
}
