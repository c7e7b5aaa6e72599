/**
 * Oscillators computed natively, each checked value for value against its ta4j 0.22.2 original:
 * stochastic %K/%D, Williams %R, CCI, money flow index, Chaikin money flow, Aroon and the z-score.
 * They build on the window statistics of the parent package (highest, lowest, SMA, deviation).
 */
package io.tradeshell.engine.indicators.oscillators;
