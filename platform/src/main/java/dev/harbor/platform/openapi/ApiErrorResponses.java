package dev.harbor.platform.openapi;

import dev.harbor.platform.http.ApiError;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: every operation of it documents its 4xx and 5xx answers with the {@link ApiError}
 * body, as Harbor writes them (see {@code docs/api.md}, Errors).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(
    responseCode = "4XX",
    description = "Refused: the body says why and, when there is one, which field",
    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(
    responseCode = "5XX",
    description = "Not ready yet (503 with Retry-After) or a fault of Harbor's (500, without details)",
    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
public @interface ApiErrorResponses {}
