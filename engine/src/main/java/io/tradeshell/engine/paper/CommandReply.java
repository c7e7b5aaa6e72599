package io.tradeshell.engine.paper;

/**
 * A session's answer to an operator command.
 *
 * @param done false when the command could not be carried out (an order no longer working)
 */
public record CommandReply(String id, boolean done, String message) { }
