/**
 * The whole indicator library a script can name: the native indicators and every ta4j 0.22.2
 * indicator whose constructor takes only bars, indicators and numbers, with parameters, defaults
 * and outputs, for the {@code ta(...)} word, the {@code indicators} command, help and completion.
 *
 * <pre>
 *   ta4j-indicators.tsv --&gt; Ta4jCatalog --&gt; Ta4jCall (builds a Ta4jIndicator from script values)
 *   IndicatorCatalog (natives) --+--&gt; IndicatorLibrary (one listing: name, params, outputs, native)
 *   Ta4jCatalog -----------------+
 * </pre>
 */
package io.tradeshell.engine.indicators.library;
