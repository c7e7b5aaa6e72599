package io.tradeshell.engine.learning;

import java.util.List;

/** A strategy that trains walk-forward models; a run reports and saves them. */
public interface ModelOwner {
    List<WalkForwardModel> models();
}
