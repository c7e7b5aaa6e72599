/**
 * Moving averages computed natively, each checked value for value against its ta4j 0.22.2
 * original: KAMA, Hull, double and triple EMA, and zero-lag EMA. They build on the EMA and WMA of
 * the parent package.
 */
package io.tradeshell.engine.indicators.averages;
