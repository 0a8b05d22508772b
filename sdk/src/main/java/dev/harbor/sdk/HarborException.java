package dev.harbor.sdk;

import java.util.Optional;

/**
 * Every error the SDK reports about what a Node answered. A refused request carries the HTTP status
 * and the Node's error body ({@code error}, {@code field}, {@code message}); a setup that did not
 * end active ({@link SetupException} and its subclasses) carries status 0 and the instance's status
 * as its error code. Subclasses name the common cases; any other refusal (405, 413, 415, 500, ...)
 * is a plain {@code HarborException}.
 *
 * <p>When the Node cannot be reached at all, the SDK throws {@link java.io.UncheckedIOException}
 * instead; when the calling thread is interrupted, an {@code UncheckedIOException} caused by an
 * {@link java.io.InterruptedIOException}, with the thread's interrupt flag set again.
 */
public class HarborException extends RuntimeException {

  private final int status;
  private final String error;
  private final String field;
  private final String serverMessage;

  /**
   * @param status the HTTP status of the refusal, or 0 when the error is not an HTTP refusal
   * @param error the Node's short error code, such as {@code not_found}
   * @param field the request field the error is about, or null
   * @param serverMessage the Node's message for people, or null
   */
  public HarborException(int status, String error, String field, String serverMessage) {
    super(describe(status, error, field, serverMessage));
    this.status = status;
    this.error = error;
    this.field = field;
    this.serverMessage = serverMessage;
  }

  /** An error with a message of its own, for outcomes the SDK observed rather than an HTTP refusal. */
  protected HarborException(String message, String error) {
    super(message);
    this.status = 0;
    this.error = error;
    this.field = null;
    this.serverMessage = null;
  }

  /** The HTTP status of the refusal; 0 when the error is not an HTTP refusal. */
  public int status() {
    return status;
  }

  /** The Node's error code ({@code bad_request}, {@code not_found}, ...), or the instance status of a setup outcome. */
  public String error() {
    return error;
  }

  /** The request field, query parameter or path parameter the Node named, if any. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The Node's own message, if it sent one. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  private static String describe(int status, String error, String field, String message) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (error != null) {
      text.append(' ').append(error);
    }
    if (field != null) {
      text.append(" (field ").append(field).append(')');
    }
    if (message != null && !message.isBlank()) {
      text.append(": ").append(message);
    }
    return text.toString();
  }
}
