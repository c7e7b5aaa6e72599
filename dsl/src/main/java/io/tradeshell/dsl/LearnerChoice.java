package io.tradeshell.dsl;

import io.tradeshell.engine.learning.Learner;

/** A learner as a script names it ({@code trees(depth: 6)}): opaque to the script, which only passes it to {@code model}. */
@ScriptApi
public final class LearnerChoice {
    private final Learner learner;

    LearnerChoice(Learner learner) {
        this.learner = learner;
    }

    Learner learner() {
        return learner;
    }

    @Override
    public String toString() {
        return learner.describe();
    }
}
