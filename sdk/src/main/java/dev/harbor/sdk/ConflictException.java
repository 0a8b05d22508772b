package dev.harbor.sdk;

/**
 * HTTP 409: the instance's status does not allow the action (approving an instance that no longer
 * waits, removing a removed one), or an idempotency key already named a setup of another entry.
 */
public class ConflictException extends HarborException {

  public ConflictException(String error, String field, String serverMessage) {
    super(409, error, field, serverMessage);
  }
}
