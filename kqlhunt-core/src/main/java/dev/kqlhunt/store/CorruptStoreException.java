package dev.kqlhunt.store;

/**
 * A store file that fails its checks: bad magic, a checksum mismatch, a block that ends early, a
 * manifest that does not parse. The message names the file or block. Unchecked, because a damaged
 * store is not something a caller can work around mid-scan; {@link Store#verify()} reports it as a
 * value.
 */
public final class CorruptStoreException extends RuntimeException {
  public CorruptStoreException(String message) {
    super(message);
  }

  public CorruptStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
