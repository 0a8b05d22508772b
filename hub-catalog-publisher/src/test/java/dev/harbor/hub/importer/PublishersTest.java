package dev.harbor.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishersTest {

  @Test
  void aForgeProjectUrlGivesItsOwnerAndAnyOtherUrlItsHost() {
    assertThat(Publishers.fromProjectUrl("https://github.com/Azure/aks-mcp")).contains("Azure");
    assertThat(Publishers.fromProjectUrl("https://gitlab.com/group/sub/project")).contains("group");
    assertThat(Publishers.fromProjectUrl("https://www.example.org/mcp")).contains("example.org");
    assertThat(Publishers.fromProjectUrl("not a url")).isEmpty();
  }

  @Test
  void aRemoteUrlGivesItsHostWithoutTheMcpLabel() {
    assertThat(Publishers.fromRemoteUrl("https://mcp.apify.com")).contains("apify.com");
    assertThat(Publishers.fromRemoteUrl("https://api.example.com/sse")).contains("api.example.com");
  }

  @Test
  void aReverseDnsNamespaceIsTurnedBackIntoAReadablePublisher() {
    assertThat(Publishers.fromServerName("io.github.octo-org/tool")).contains("octo-org");
    assertThat(Publishers.fromServerName("ai.alpic.test/tool")).contains("test.alpic.ai");
    assertThat(Publishers.fromServerName("com.example/tool")).contains("example.com");
  }
}
