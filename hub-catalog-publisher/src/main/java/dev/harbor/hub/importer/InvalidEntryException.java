package dev.harbor.hub.importer;

/**
 * Thrown by a mapper when a source record cannot become a catalog entry; the message is the skip
 * reason.
 */
final class InvalidEntryException extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidEntryException(String reason) {
    super(reason, null, false, false);
  }
}
