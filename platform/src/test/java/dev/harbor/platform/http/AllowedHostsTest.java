package dev.harbor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  private final AllowedHosts hosts = new AllowedHosts(List.of("harbor.internal", "[fd00::7]"));

  @Test
  void localNamesAreAllowedWithOrWithoutAPort() {
    assertThat(hosts.allowsHost("localhost")).isTrue();
    assertThat(hosts.allowsHost("localhost:1")).isTrue();
    assertThat(hosts.allowsHost("127.0.0.1:65535")).isTrue();
    assertThat(hosts.allowsHost("[::1]")).isTrue();
    assertThat(hosts.allowsHost("[::1]:8080")).isTrue();
  }

  @Test
  void configuredNamesAreAllowedIncludingBracketedIpv6() {
    assertThat(hosts.allowsHost("harbor.internal:8081")).isTrue();
    assertThat(hosts.allowsHost("[fd00::7]:8080")).isTrue();
  }

  @Test
  void malformedAuthoritiesAreRefused() {
    assertThat(hosts.allowsHost(null)).isFalse();
    assertThat(hosts.allowsHost("")).isFalse();
    assertThat(hosts.allowsHost(":8080")).isFalse();
    assertThat(hosts.allowsHost("localhost:")).isFalse();
    assertThat(hosts.allowsHost("localhost:http")).isFalse();
    assertThat(hosts.allowsHost("localhost:65536")).isFalse();
    assertThat(hosts.allowsHost("localhost:8080:9090")).isFalse();
    assertThat(hosts.allowsHost("[::1")).isFalse();
    assertThat(hosts.allowsHost("::1")).isFalse();
    assertThat(hosts.allowsHost("localhost.")).isFalse();
    assertThat(hosts.allowsHost("user@localhost")).isFalse();
  }

  @Test
  void originsMustBeHttpOrHttpsToAnAllowedNameWithNothingAfterThePort() {
    assertThat(hosts.allowsOrigin("http://localhost:5173")).isTrue();
    assertThat(hosts.allowsOrigin("HTTPS://127.0.0.1")).isTrue();
    assertThat(hosts.allowsOrigin("http://[::1]:8080")).isTrue();
    assertThat(hosts.allowsOrigin("http://localhost/")).isFalse();
    assertThat(hosts.allowsOrigin("ws://localhost")).isFalse();
    assertThat(hosts.allowsOrigin("file://")).isFalse();
    assertThat(hosts.allowsOrigin("null")).isFalse();
    assertThat(hosts.allowsOrigin("http://evil.example")).isFalse();
  }
}
