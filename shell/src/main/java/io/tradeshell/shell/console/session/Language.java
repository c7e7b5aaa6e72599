package io.tradeshell.shell.console.session;

/** What a line that is not a command is read as. */
public enum Language {
    GROOVY("tradeshell> "),
    JAVA("java> ");

    private final String prompt;

    Language(String prompt) {
        this.prompt = prompt;
    }

    public String prompt() {
        return prompt;
    }
}
