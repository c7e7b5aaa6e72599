package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.run.Speed;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a live feed is played, whichever front end asked.
 *
 * @param speed  how fast the feed plays
 * @param quiet  print only risk decisions, rejections and halts
 * @param alerts the alerts config, if not the default one
 */
public record LiveSettings(Speed speed, boolean quiet, Optional<Path> alerts) { }
