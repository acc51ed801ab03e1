package dev.kqlhunt.rmm.allow;

import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Objects;

/** A loaded allow-list file: its entries in file order. */
public record AllowList(SourceText file, List<AllowEntry> entries) {
  public AllowList {
    Objects.requireNonNull(file, "file is null");
    entries = List.copyOf(entries);
  }
}
