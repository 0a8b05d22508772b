package dev.harbor.schemas.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A hosted endpoint of the server, listed for browsing; Harbor does not launch remotes. */
@Serdeable
public record RemoteEndpoint(Transport transport, String url) {}
