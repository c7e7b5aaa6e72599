// Volatility breakout: buy a close above the upper band, leave when price falls back
// to the middle band, and keep a stop two ATRs below the entry.
title 'Bollinger breakout with ATR stop'
params length: 20, width: 2, atrLength: 14, atrMultiple: 2, percent: 25

def bands = bollinger(close, length, width)
def stopDistance = atr(atrLength) * atrMultiple

buyWhen  crossedOver(close, bands.upper), percent: percent
sellWhen crossedUnder(close, bands.middle)
stopLoss points: stopDistance
