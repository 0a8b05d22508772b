package dev.harbor.platform.http;

import io.micronaut.http.HttpStatus;

/** The caller did not present valid credentials: 401, sent with a bearer challenge. */
public class UnauthorizedException extends ApiException {

  public UnauthorizedException(String message) {
    super(HttpStatus.UNAUTHORIZED, message);
  }
}
