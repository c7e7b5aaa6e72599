// Trend following on momentum: enter when the MACD line crosses above its signal
// line while above zero, exit on the opposite cross or a trailing stop.
// Each entry puts `percent` of equity in; --param qty=N buys N units instead.
title 'MACD trend with trailing stop'
params fast: 12, slow: 26, signal: 9, trail: 5, qty: 0, percent: 95

def m = macd(close, fast, slow, signal)

buyWhen  and(crossedOver(m.line, m.signal), over(m.line, 0)), qty: { qty > 0 ? qty : equity * percent / 100 / price }
sellWhen crossedUnder(m.line, m.signal)
trailingStop percent: trail
