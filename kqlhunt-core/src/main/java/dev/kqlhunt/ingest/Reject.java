package dev.kqlhunt.ingest;

import dev.kqlhunt.diag.DiagnosticCode;
import java.util.Objects;

/**
 * An input record that was not stored, with the reason and (a prefix of) its raw text. The same type
 * reports records skipped on purpose (see {@link RecordSink#skip}).
 *
 * @param origin where the record came from
 * @param code stable code, usually an {@link IngestCode}; the Sysmon readers may use their own
 * @param reason human-readable reason, already formatted
 * @param raw the record's raw text, truncated to {@link #MAX_RAW_CHARS} characters (a marker {@code
 *     …[truncated]} is appended when cut); empty when there is no meaningful raw text
 */
public record Reject(RecordOrigin origin, DiagnosticCode code, String reason, String raw) {
  /** Rejects keep at most this many characters of the raw record, so a 50 MB line stays small. */
  public static final int MAX_RAW_CHARS = 4096;

  static final String TRUNCATION_MARK = "…[truncated]";

  public Reject {
    Objects.requireNonNull(origin, "origin is null");
    Objects.requireNonNull(code, "code is null");
    Objects.requireNonNull(reason, "reason is null");
    raw = truncate(raw == null ? "" : raw);
  }

  /** A reject whose reason is {@code code}'s template formatted with {@code args}. */
  public static Reject of(RecordOrigin origin, String raw, DiagnosticCode code, Object... args) {
    return new Reject(origin, code, code.format(args), raw);
  }

  private static String truncate(String raw) {
    if (raw.length() <= MAX_RAW_CHARS) return raw;
    int end = MAX_RAW_CHARS;
    // Never split a surrogate pair: the reject file is written as UTF-8.
    if (Character.isHighSurrogate(raw.charAt(end - 1))) end--;
    return raw.substring(0, end) + TRUNCATION_MARK;
  }

  @Override
  public String toString() {
    return origin + ": " + code.id() + ": " + reason;
  }
}
