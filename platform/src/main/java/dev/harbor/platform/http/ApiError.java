package dev.harbor.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON body of every 4xx and 5xx response Harbor writes.
 *
 * @param status the HTTP status code, repeated so the body stands on its own
 * @param error a short machine-readable code such as {@code bad_request} or {@code not_found}
 * @param message a sentence for people; never a stack trace, never a secret
 * @param field the request field, query or path parameter the error is about, when there is one
 */
@Serdeable
public record ApiError(int status, String error, String message, @Nullable String field) {}
