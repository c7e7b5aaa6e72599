// Trend following on 4-hour bars with a weekly filter: enter long when the fast EMA crosses
// above the slow one, but only while the last completed weekly close is above its 20-week
// SMA (the week in progress is never seen); exit when the EMAs cross back. Each entry puts
// 90% of equity in (with --lot 0 for fractional coins; whole coins otherwise).
title 'BTC EMA crossover with a weekly trend filter'
params fast: 12, slow: 48, weeks: 20, percent: 90

def weeklyClose = close.on('1w')
def weeklyTrend = timeframe('1w') { sma(close, weeks) }
def trendUp = over(weeklyClose, weeklyTrend)

def f = ema(close, fast)
def s = ema(close, slow)

buyWhen  and(crossedOver(f, s), trendUp), percent: percent
sellWhen crossedUnder(f, s)
