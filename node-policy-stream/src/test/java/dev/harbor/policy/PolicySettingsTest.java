package dev.harbor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {

  @Test
  void missing_settings_take_a_day_thirty_seconds_and_the_restricted_profile() {
    PolicySettings settings = new PolicySettings(null, null, null);

    assertThat(settings.approvalTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.expiryCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.guardrailProfile()).isEqualTo("restricted");
    assertThat(PolicySettings.defaults()).isEqualTo(settings);
  }

  @Test
  void durations_must_be_positive_and_profiles_simple_names() {
    assertThatThrownBy(() -> new PolicySettings(Duration.ZERO, null, null)).hasMessageContaining("approvalTtl");
    assertThatThrownBy(() -> new PolicySettings(null, Duration.ofSeconds(-1), null)).hasMessageContaining("expiryCheckInterval");
    assertThatThrownBy(() -> new PolicySettings(null, null, "Open Door")).hasMessageContaining("guardrailProfile");
  }
}
