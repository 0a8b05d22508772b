package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes a failure Micronaut detected while reading a request, for the caller: what is wrong and,
 * where it can tell, which field or parameter. Server-side failures get a fixed sentence; their
 * detail stays in the server log.
 */
final class FailureTranslator {

  static final String INTERNAL_ERROR_MESSAGE = "internal error; see the server log";

  private static final Pattern SERDE_PROPERTY =
      Pattern.compile("^(Unknown|Duplicate) property \\[([^\\]]*)\\]");
  private static final String JSON_LOCATION_MARKER = " at [Source:";
  private static final int MAX_CAUSE_DEPTH = 8;

  private final long maxRequestSize;

  FailureTranslator(long maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  ApiError translate(HttpStatus status, ErrorContext context) {
    if (status.getCode() >= 500) {
      return ApiErrors.of(status, status == HttpStatus.SERVICE_UNAVAILABLE
          ? "service not ready; try again shortly"
          : INTERNAL_ERROR_MESSAGE);
    }
    Throwable cause = context.getRootCause().orElse(null);
    ApiError fromCause = cause == null ? null : fromCause(status, cause);
    if (fromCause != null) {
      return fromCause;
    }
    if (status == HttpStatus.NOT_FOUND) {
      return ApiErrors.of(status, "not found");
    }
    return ApiErrors.of(status, firstMessage(context.getErrors(), status));
  }

  private @Nullable ApiError fromCause(HttpStatus status, Throwable cause) {
    Throwable t = cause;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      ApiError error = describe(status, t);
      if (error != null) {
        return error;
      }
    }
    return describeArgument(status, cause);
  }

  private @Nullable ApiError describe(HttpStatus status, Throwable t) {
    return switch (t) {
      case ApiException api -> new ApiError(status.getCode(), api.error(), api.getMessage(), api.field());
      case JsonSyntaxException json -> malformedJson(status, json.getMessage());
      case com.fasterxml.jackson.core.JsonProcessingException json ->
          malformedJson(status, json.getOriginalMessage());
      case SerdeException serde -> invalidBody(status, serde);
      case ContentLengthExceededException tooLarge -> ApiErrors.of(status,
          "request body too large; the limit is " + maxRequestSize + " bytes");
      case UnsupportedMediaException media -> ApiErrors.of(status,
          "unsupported content type '" + media.getContentType() + "'; send one of "
              + media.getAcceptableContentTypes());
      case NotAllowedException notAllowed -> ApiErrors.of(status,
          "method " + notAllowed.getRequestMethod() + " not allowed here; allowed: "
              + notAllowed.getAllowedMethods().stream().sorted().toList());
      case NotAcceptableException notAcceptable -> ApiErrors.of(status,
          "cannot produce any accepted type; available: "
              + notAcceptable.getProduceableContentTypes());
      default -> null;
    };
  }

  private @Nullable ApiError describeArgument(HttpStatus status, Throwable cause) {
    return switch (cause) {
      case ConversionErrorException conversion -> {
        Argument<?> argument = conversion.getArgument();
        String reason = conversion.getConversionError() == null
            || conversion.getConversionError().getCause() == null
            ? "cannot be converted"
            : firstLine(conversion.getConversionError().getCause().getMessage());
        yield isBody(argument)
            ? ApiErrors.of(status, "invalid request body: " + reason)
            : ApiErrors.of(status,
                "invalid value for parameter '" + argument.getName() + "': " + reason,
                argument.getName());
      }
      case UnsatisfiedArgumentException unsatisfied -> missing(status, unsatisfied.getArgument());
      case UnsatisfiedRouteException unsatisfied -> missing(status, unsatisfied.getArgument());
      default -> null;
    };
  }

  private static ApiError missing(HttpStatus status, Argument<?> argument) {
    if (isBody(argument)) {
      return ApiErrors.of(status, "missing request body");
    }
    return ApiErrors.of(status,
        "missing required parameter '" + argument.getName() + "'", argument.getName());
  }

  private static boolean isBody(Argument<?> argument) {
    return argument.getAnnotationMetadata().hasAnnotation(Body.class);
  }

  private static ApiError malformedJson(HttpStatus status, @Nullable String detail) {
    String reason = detail == null ? "unreadable" : trimJsonLocation(detail);
    return ApiErrors.of(status, "malformed JSON: " + reason);
  }

  private static ApiError invalidBody(HttpStatus status, SerdeException serde) {
    String message = serde.getMessage() == null ? "" : serde.getMessage();
    Matcher property = SERDE_PROPERTY.matcher(message);
    String path = fieldPath(serde.getPath());
    if (property.find()) {
      String field = path.isEmpty() ? property.group(2) : path;
      String what = property.group(1).toLowerCase(Locale.ROOT);
      return ApiErrors.of(status, what + " field '" + field + "' in request body", field);
    }
    if (!path.isEmpty()) {
      return ApiErrors.of(status, "invalid value for field '" + path + "'", path);
    }
    return ApiErrors.of(status, "invalid request body");
  }

  private static String fieldPath(List<ReferencePath> path) {
    StringBuilder out = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      switch (path.get(i)) {
        case PropertyReferencePath p -> out.append(out.isEmpty() ? "" : ".").append(p.property().getName());
        case CollectionItemReferencePath c -> out.append('[').append(c.index()).append(']');
        case MapItemReferencePath m -> out.append(out.isEmpty() ? "" : ".").append(m.key());
      }
    }
    return out.toString();
  }

  private static String firstMessage(List<io.micronaut.http.server.exceptions.response.Error> errors,
      HttpStatus status) {
    return errors.stream()
        .map(io.micronaut.http.server.exceptions.response.Error::getMessage)
        .filter(m -> m != null && !m.isBlank())
        .map(FailureTranslator::firstLine)
        .findFirst()
        .orElse(status.getReason().toLowerCase(Locale.ROOT));
  }

  private static String trimJsonLocation(String detail) {
    int at = detail.indexOf(JSON_LOCATION_MARKER);
    return firstLine(at < 0 ? detail : detail.substring(0, at)).strip();
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
