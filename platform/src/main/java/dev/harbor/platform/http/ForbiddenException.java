package dev.harbor.platform.http;

import io.micronaut.http.HttpStatus;

/** The caller is known but may not do this: 403. */
public class ForbiddenException extends ApiException {

  public ForbiddenException(String message) {
    super(HttpStatus.FORBIDDEN, message);
  }
}
