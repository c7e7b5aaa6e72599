/**
 * The dashboard: a local web view over the files every run already writes, tailed and pushed
 * to the browser, with the operator's buttons for paper sessions.
 *
 * <pre>
 *   Dashboard (HttpServer on 127.0.0.1, one token)
 *     |-- Folders      which paths a URL may name (home and runs folders only)
 *     |-- Catalog      runs, paper accounts and sweeps
 *     |-- EventStream  Server-Sent Events: new journal lines, once, in order, resumable
 *     |-- Operator     pause/resume/flatten/kill through the account's command inbox
 *     '-- Replays      the script backtested over the same data (a port the shell fills)
 * </pre>
 *
 * It never sits on the trading path: it only reads files, on its own threads, and its buttons
 * write to the session's command inbox like any other operator.
 */
package io.tradeshell.dashboard;
