package dev.harbor.schemas.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A container port the server listens on; Harbor publishes it on 127.0.0.1 at a port it chooses. */
@Serdeable
public record PortSpec(String name, int containerPort, String protocol) {}
