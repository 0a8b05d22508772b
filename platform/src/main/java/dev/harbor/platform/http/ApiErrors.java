package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.Locale;

/** Builds {@link ApiError} bodies and the responses that carry them. */
public final class ApiErrors {

  /** The challenge sent with every 401: Harbor's APIs take bearer tokens. */
  public static final String BEARER_CHALLENGE = "Bearer";

  private ApiErrors() {}

  /**
   * The short code for a status: {@code bad_request}, {@code unauthorized}, {@code forbidden},
   * {@code not_found}, {@code conflict}, {@code payload_too_large}, {@code unsupported_media_type},
   * {@code internal_error}, {@code not_ready}, or the status name in lower case for any other.
   */
  public static String code(HttpStatus status) {
    return switch (status) {
      case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
      case INTERNAL_SERVER_ERROR -> "internal_error";
      case SERVICE_UNAVAILABLE -> "not_ready";
      default -> status.name().toLowerCase(Locale.ROOT);
    };
  }

  /** An error with the standard code for {@code status} and no field. */
  public static ApiError of(HttpStatus status, String message) {
    return of(status, message, null);
  }

  /** An error with the standard code for {@code status}, about {@code field}. */
  public static ApiError of(HttpStatus status, String message, @Nullable String field) {
    return new ApiError(status.getCode(), code(status), message, field);
  }

  /** A JSON response carrying {@code error}, with a bearer challenge when it is a 401. */
  /** How long a caller told "not ready" (503) should wait before asking again. */
  public static final String RETRY_AFTER_SECONDS = "2";

  public static MutableHttpResponse<ApiError> response(ApiError error) {
    MutableHttpResponse<ApiError> response =
        HttpResponse.<ApiError>status(HttpStatus.valueOf(error.status()))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(error);
    if (error.status() == HttpStatus.UNAUTHORIZED.getCode()) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
    }
    if (error.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response;
  }

  /** A JSON error response with the standard code for {@code status}. */
  public static MutableHttpResponse<ApiError> response(HttpStatus status, String message) {
    return response(of(status, message));
  }

  /**
   * Returns {@code value}, or throws a {@link BadRequestException} naming {@code field} when it is
   * missing. Request records use this for the fields a body must carry.
   */
  public static <T> T requireField(@Nullable T value, String field) {
    if (value == null) {
      throw new BadRequestException(field, "missing required field '" + field + "'");
    }
    return value;
  }
}
