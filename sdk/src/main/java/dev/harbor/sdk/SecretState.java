package dev.harbor.sdk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One secret an instance's entry declares: its name, what it is for, whether it is required and
 * whether it was supplied. Never its value.
 */
@Serdeable
public record SecretState(String name, @Nullable String description, boolean required, boolean supplied) {}
