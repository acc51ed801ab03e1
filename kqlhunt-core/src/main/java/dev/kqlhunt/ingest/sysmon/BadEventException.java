package dev.kqlhunt.ingest.sysmon;

/**
 * Signals, inside this package, that one record cannot become a {@link SysmonEvent} or a row; the
 * readers catch it and report the record as a reject. It never leaves the package's public API.
 */
final class BadEventException extends RuntimeException {
  private final SysmonCode code;
  private final transient Object[] args;

  BadEventException(SysmonCode code, Object... args) {
    super(code.format(args), null, false, false);
    this.code = code;
    this.args = args;
  }

  SysmonCode code() {
    return code;
  }

  Object[] args() {
    return args;
  }
}
