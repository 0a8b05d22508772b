package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/** The request is malformed or a field holds an unacceptable value: 400. */
public class BadRequestException extends ApiException {

  /** A bad value in {@code field}, a body field or a query or path parameter. */
  public BadRequestException(@Nullable String field, String message) {
    super(HttpStatus.BAD_REQUEST, ApiErrors.code(HttpStatus.BAD_REQUEST), message, field);
  }

  /** A bad request not tied to one field. */
  public BadRequestException(String message) {
    this(null, message);
  }
}
