// Trend following: hold while the fast average is above the slow one.
// Each entry puts `percent` of equity in; --param qty=N buys N units instead.
title 'SMA crossover'
params fast: 10, slow: 30, qty: 0, percent: 95

def f = sma(close, fast)
def s = sma(close, slow)

buyWhen  crossedOver(f, s), qty: { qty > 0 ? qty : equity * percent / 100 / price }
sellWhen crossedUnder(f, s)
