/**
 * Price channels computed natively, each band checked value for value against ta4j 0.22.2:
 * Keltner channels (an EMA of the typical price with ATR bands) and Donchian channels (the
 * highest high, the lowest low and their midpoint).
 */
package io.tradeshell.engine.indicators.channels;
