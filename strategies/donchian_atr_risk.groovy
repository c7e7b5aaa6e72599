// Donchian breakout with risk-based sizing: go long on a close above the previous 20-bar
// high (short below the previous 20-bar low), leave on the opposite 10-bar channel, and size
// every entry so that its stop, two ATRs away, loses 1% of equity if it is hit.
title 'Donchian breakout, 1% risk per trade'
params length: 20, exitLength: 10, atrLength: 14, atrMultiple: 2, risk: 1

def upper = previous(highest(high, length))
def lower = previous(lowest(low, length))
def exitUpper = previous(highest(high, exitLength))
def exitLower = previous(lowest(low, exitLength))
def stopDistance = atr(atrLength) * atrMultiple

buyWhen   over(close, upper), riskPercent: risk, stop: stopDistance
sellWhen  under(close, exitLower)
shortWhen under(close, lower), riskPercent: risk, stop: stopDistance
coverWhen over(close, exitUpper)
stopLoss  points: stopDistance
