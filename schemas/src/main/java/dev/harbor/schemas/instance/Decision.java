package dev.harbor.schemas.instance;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.policy.PolicyEffect;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/** What policy decided about a request, the rule that decided it (or the check that refused it first) and why. */
@Serdeable
public record Decision(PolicyEffect effect, String rule, @Nullable String reason, Instant decidedAt) {

  public Decision {
    Objects.requireNonNull(effect, "effect");
    Require.text(rule, "rule");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }
}
