package dev.harbor.platform.http;

import io.micronaut.http.HttpStatus;

/** The addressed resource does not exist: 404. */
public class NotFoundException extends ApiException {

  public NotFoundException(String message) {
    super(HttpStatus.NOT_FOUND, message);
  }
}
