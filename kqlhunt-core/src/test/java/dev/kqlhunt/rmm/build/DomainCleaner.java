package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.DomainPattern;
import java.util.Locale;

/**
 * Turns a catalog's network text into a {@link DomainPattern}: drops placeholders ({@code user_managed}),
 * IP addresses and bare words; strips schemes, paths and {@code :port}; turns a host whose left labels
 * hold wildcards or regular expressions ({@code relay-[a-f0-9]{8}.net.anydesk.com},
 * {@code px-*.getscreen.me}) into the suffix pattern of the labels to their right.
 */
final class DomainCleaner {
  private DomainCleaner() {}

  /** The cleaned pattern, or null when the text names no usable host. */
  static String clean(String raw) {
    String t = raw.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("user_managed") || t.contains(" ")) {
      return null;
    }
    t = t.replaceFirst("^[a-z]+://", "");
    int slash = t.indexOf('/');
    if (slash >= 0) {
      t = t.substring(0, slash);
    }
    t = t.replaceFirst(":\\d+$", "");
    if (t.matches("[0-9.]+")) {
      return null;
    }
    String[] labels = t.split("\\.", -1);
    int firstPlain = labels.length;
    for (int i = labels.length - 1; i >= 0; i--) {
      if (!labels[i].matches("[a-z0-9-]+")) {
        break;
      }
      firstPlain = i;
    }
    String candidate;
    if (firstPlain == 0) {
      candidate = t;
    } else {
      candidate = "*." + String.join(".", java.util.Arrays.copyOfRange(labels, firstPlain, labels.length));
    }
    return DomainPattern.isValid(candidate) ? candidate : null;
  }
}
