package dev.harbor.platform.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Writes every error response Micronaut produces itself (unknown route, bad JSON, bad parameter,
 * oversized body, wrong content type, unexpected exception) as an {@link ApiError}. It takes the
 * place of Micronaut's default processor, which steps aside when another one is present.
 */
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

  private final FailureTranslator translator;

  ApiErrorResponseProcessor(HttpServerConfiguration serverConfiguration) {
    this.translator = new FailureTranslator(serverConfiguration.getMaxRequestSize());
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<ApiError> processResponse(
      ErrorContext errorContext, MutableHttpResponse<?> baseResponse) {
    if (errorContext.getRequest().getMethod() == HttpMethod.HEAD) {
      return (MutableHttpResponse<ApiError>) baseResponse;
    }
    ApiError error = translator.translate(baseResponse.status(), errorContext);
    if (baseResponse.status() == HttpStatus.UNAUTHORIZED
        && !baseResponse.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
      baseResponse.header(HttpHeaders.WWW_AUTHENTICATE, ApiErrors.BEARER_CHALLENGE);
    }
    return baseResponse.body(error).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
