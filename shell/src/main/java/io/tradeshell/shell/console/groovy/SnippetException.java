package io.tradeshell.shell.console.groovy;

/** A console snippet that did not compile or failed while it ran, said in one line. */
public final class SnippetException extends RuntimeException {
    public SnippetException(String message, Throwable cause) {
        super(message, cause);
    }
}
