// Rotation: on the first bar of each calendar month, rank the universe by the rate of change of
// the close over `lookback` bars at that bar's close and hold the `top` best, equally weighted;
// the orders fill at the next bar's open. A symbol still warming up is not ranked.
// Run it on the sector ETFs: --data 'data/sectors/*.json'
title 'Sector rotation'
params lookback: 126, top: 3

portfolio(schedule: 'month-start') {
    def leaders = top(top, symbols) { String s -> value(roc(close(s), lookback)) }
    targetWeights(equalWeight(leaders))
}
