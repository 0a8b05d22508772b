package dev.harbor.platform.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every {@link ApiException} a controller throws into its {@link ApiError} response. */
@Produces
@Singleton
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ApiError>> {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, ApiException exception) {
    LOG.debug("{} {} answered {} ({})", request.getMethodName(), request.getPath(),
        exception.status().getCode(), exception.error());
    return ApiErrors.response(exception.toApiError());
  }
}
