package dev.harbor.platform.http;

import io.micronaut.http.HttpStatus;

/** The request clashes with the current state of the resource: 409. */
public class ConflictException extends ApiException {

  public ConflictException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
