package io.tradeshell.engine.alerts;

/** How urgently an alert wants attention. */
public enum AlertLevel { INFO, WARN, CRITICAL }
