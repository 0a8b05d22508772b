package dev.harbor.sdk;

/**
 * HTTP 403: the token is valid but its kind may not do this (an agent approving, a script supplying
 * a secret), or an agent or script acted on an instance it did not request.
 */
public class ForbiddenException extends HarborException {

  public ForbiddenException(String error, String field, String serverMessage) {
    super(403, error, field, serverMessage);
  }
}
