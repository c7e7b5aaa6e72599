/**
 * Trend indicators computed natively, each checked value for value against its ta4j 0.22.2
 * original: ADX with +DI and -DI, Parabolic SAR, SuperTrend and Ichimoku (without the chikou
 * span, whose value at a bar is a later bar's close).
 */
package io.tradeshell.engine.indicators.trend;
