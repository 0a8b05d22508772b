package dev.harbor.sdk;

/**
 * HTTP 400: the Node refused the request as malformed (a bad or unknown field, query parameter or
 * value); {@link #field()} names it, for example {@code config.path} or {@code size}.
 */
public class BadRequestException extends HarborException {

  public BadRequestException(String error, String field, String serverMessage) {
    super(400, error, field, serverMessage);
  }
}
