// Trend following: hold while the fast average is above the slow one.
title 'SMA crossover'
params fast: 10, slow: 30, qty: 10

def f = sma(close, fast)
def s = sma(close, slow)

buyWhen  crossedOver(f, s), qty: qty
sellWhen crossedUnder(f, s)
