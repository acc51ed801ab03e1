package dev.kqlhunt.pack;

import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.text.SourceText;
import java.util.Objects;

/**
 * One rule of a pack: its query and the options it runs with (reference time, limits).
 *
 * @param id the rule's id, unique in the pack
 * @param source the KQL text
 * @param options the run's options; {@code now()} is {@link ExecOptions#nowTicks()}
 */
public record PackQuery(String id, SourceText source, ExecOptions options) {
  public PackQuery {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(options, "options is null");
  }
}
