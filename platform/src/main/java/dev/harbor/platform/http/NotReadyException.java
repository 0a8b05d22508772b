package dev.harbor.platform.http;

import io.micronaut.http.HttpStatus;

/** The service cannot answer yet, for example while it is still loading its state: 503. */
public class NotReadyException extends ApiException {

  public NotReadyException(String message) {
    super(HttpStatus.SERVICE_UNAVAILABLE, message);
  }
}
