package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * A failure a controller reports to its caller. The message is shown to the caller as it is, so it
 * must be written for them and hold no secret. Handled by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final @Nullable String field;

  /** A failure with the standard code for {@code status}. */
  public ApiException(HttpStatus status, String message) {
    this(status, ApiErrors.code(status), message, null);
  }

  /** A failure with an explicit short code, about {@code field} when it is not null. */
  public ApiException(HttpStatus status, String error, String message, @Nullable String field) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public String error() {
    return error;
  }

  public @Nullable String field() {
    return field;
  }

  /** The body this failure is reported with. */
  public ApiError toApiError() {
    return new ApiError(status.getCode(), error, getMessage(), field);
  }
}
