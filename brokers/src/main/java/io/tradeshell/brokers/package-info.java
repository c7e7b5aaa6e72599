/**
 * Adapters from the engine's {@code Broker} port to real brokers, with their market data and
 * history downloads. Each speaks its broker's documented REST and stream formats over the JDK's
 * own HTTP and WebSocket clients; credentials come from the environment or a private file and
 * never reach a log, a journal or an error message.
 * <pre>
 *   alpaca, oanda  -->  (Credentials, RestCalls, Secrets)  -->  engine (Broker, Feed, BarSeries)
 * </pre>
 */
package io.tradeshell.brokers;
