// Mean reversion: buy when RSI climbs back out of oversold, sell when it reaches
// overbought, with a fixed percentage stop in case the dip keeps going.
title 'RSI mean reversion'
params period: 14, oversold: 35, overbought: 65, percent: 25, stop: 6

def r = rsi(close, period)

buyWhen  crossedOver(r, oversold), percent: percent
sellWhen crossedOver(r, overbought)
stopLoss percent: stop
