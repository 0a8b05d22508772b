package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client configuration reads like the mcpServers JSON MCP clients take, and writes back as it. */
class ClientConfigTest {

  @Test
  void anHttpServerHasItsUrl() {
    String json = "{\"mcpServers\":{\"everything\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:49153/mcp\"}}}";
    ClientConfig config = ClientConfig.of(Json.read(json, Map.class));

    assertThat(config.serverName()).isEqualTo("everything");
    assertThat(config.type()).isEqualTo("http");
    assertThat(config.url()).contains("http://127.0.0.1:49153/mcp");
    assertThat(config.commandLine()).isEmpty();
    assertThat(config.toJson()).isEqualTo(json);
  }

  @Test
  void aStdioServerHasItsCommandLine() {
    ClientConfig config = ClientConfig.of(Map.of("mcpServers",
        Map.of("fetch", Map.of("type", "stdio", "command", "docker", "args", List.of("exec", "-i", "c")))));

    assertThat(config.commandLine()).contains(List.of("docker", "exec", "-i", "c"));
  }

  @Test
  void aConfigurationWithoutServersSaysSoInsteadOfGuessing() {
    assertThat(ClientConfig.of(Map.of()).mcpServers()).isEmpty();
    assertThatThrownBy(() -> ClientConfig.empty().url()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 servers");
  }
}
