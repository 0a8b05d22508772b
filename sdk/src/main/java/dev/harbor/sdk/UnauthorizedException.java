package dev.harbor.sdk;

/** HTTP 401: the request carried no valid bearer token (none, an unknown one or a revoked one). */
public class UnauthorizedException extends HarborException {

  public UnauthorizedException(String error, String field, String serverMessage) {
    super(401, error, field, serverMessage);
  }
}
