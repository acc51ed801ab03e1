package dev.kqlhunt.exec;

import java.util.Objects;

/**
 * A query that cannot continue: a KQL5xxx {@link ExecError} with its message arguments. Thrown by
 * operators and caught by {@link QueryRunner}, which turns it into a diagnostic; it never escapes a
 * runner call. The bound tree keeps no positions, so the diagnostic spans the whole query text.
 */
public final class ExecutionException extends RuntimeException {
  private final ExecError code;
  private final transient Object[] args;

  public ExecutionException(ExecError code, Object... args) {
    super(Objects.requireNonNull(code, "code is null").id() + ": " + code.format(args), null, false, false);
    this.code = code;
    this.args = args.clone();
  }

  public ExecError code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }
}
