package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/** The request clashes with the current state of the resource: 409. */
public class ConflictException extends ApiException {

  public ConflictException(String message) {
    this(null, message);
  }

  /** A clash caused by the value of {@code field}. */
  public ConflictException(@Nullable String field, String message) {
    super(HttpStatus.CONFLICT, ApiErrors.code(HttpStatus.CONFLICT), message, field);
  }
}
