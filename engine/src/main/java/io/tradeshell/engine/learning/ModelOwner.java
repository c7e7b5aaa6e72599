package io.tradeshell.engine.learning;

import java.util.List;

/** A strategy that trades models' predictions (trained walk-forward or imported); a run reports and saves them. */
public interface ModelOwner {
    List<ModelIndicator> models();
}
