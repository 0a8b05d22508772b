package dev.harbor.sdk;

/** HTTP 404: an unknown catalog entry, instance, token or route. */
public class NotFoundException extends HarborException {

  public NotFoundException(String error, String field, String serverMessage) {
    super(404, error, field, serverMessage);
  }
}
