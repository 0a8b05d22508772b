package dev.harbor.node.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.node.clientconfig.LaunchTarget.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pasted server runs, read from command lines as clients' settings files hold them. */
class LaunchTargetTest {

  @Test
  void aDockerRunLineGivesItsImageAfterOptionsAndItsInlineEnvironment() {
    LaunchTarget target = target("docker", List.of("run", "-i", "--rm", "--name", "x", "-v", "/a:/b",
        "-e", "TOKEN=t1", "--env=REGION=eu", "-eLEVEL=debug", "-e", "FROM_ENV", "--network=host",
        "ghcr.io/github/github-mcp-server:v1", "stdio"), Map.of("FROM_ENV", "v"));

    assertThat(target.kind()).isEqualTo(Kind.IMAGE);
    assertThat(target.value()).isEqualTo("ghcr.io/github/github-mcp-server:v1");
    assertThat(target.env()).containsOnlyKeys("FROM_ENV", "TOKEN", "REGION", "LEVEL");
  }

  @Test
  void aDockerLineThatRunsNothingOrAnotherSubcommandIsUnknown() {
    assertThat(target("docker", List.of("exec", "-i", "c"), Map.of()).kind()).isEqualTo(Kind.UNKNOWN);
    assertThat(target("docker", List.of("run", "-i", "--rm"), Map.of()).kind()).isEqualTo(Kind.UNKNOWN);
  }

  @Test
  void npxAndUvxGiveTheirPackageWithoutAVersion() {
    assertThat(target("npx", List.of("-y", "@scope/server@1.2.3", "--flag"), Map.of()).value())
        .isEqualTo("@scope/server");
    assertThat(target("C:\\Program Files\\nodejs\\npx.cmd", List.of("--package", "plain-server", "run"), Map.of()))
        .isEqualTo(new LaunchTarget(Kind.NPM, "plain-server", Map.of()));
    assertThat(target("/usr/bin/uvx", List.of("--python", "3.12", "mcp-server-git[extra]>=1.0"), Map.of()))
        .isEqualTo(new LaunchTarget(Kind.PYPI, "mcp-server-git", Map.of()));
    assertThat(target("uvx", List.of("--from", "my.pkg==2", "my-tool"), Map.of()).value()).isEqualTo("my.pkg");
  }

  @Test
  void imagesCompareWithoutTagDigestAndDockerHubsDefaults() {
    assertThat(CatalogMatcher.image("docker.io/library/Fetch:1@sha256:abc")).isEqualTo("fetch");
    assertThat(CatalogMatcher.image("mcp/fetch:latest")).isEqualTo("mcp/fetch");
    assertThat(CatalogMatcher.image("localhost:5000/mcp/fetch")).isEqualTo("localhost:5000/mcp/fetch");
    assertThat(CatalogMatcher.url("HTTPS://Mcp.Example.com:8443/v1/mcp/?key=secret#x"))
        .isEqualTo("https://mcp.example.com:8443/v1/mcp");
    assertThat(CatalogMatcher.packageName("pypi", "Meta_Ads.MCP")).isEqualTo("meta-ads-mcp");
  }

  private static LaunchTarget target(String command, List<String> args, Map<String, String> env) {
    return LaunchTarget.of(new PastedServer("s", "mcpServers.s", command, args, env, null));
  }
}
