package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.api.ClientFormat;
import dev.harbor.schemas.api.ConfigImportAnswer;
import dev.harbor.schemas.api.ImportStatus;
import dev.harbor.schemas.api.ImportedServer;
import dev.harbor.schemas.instance.InstanceStatus;
import org.junit.jupiter.api.Test;

/** The merged client configuration and the import of a pasted one, over the routes docs/api.md describes. */
class ConfigImportExportTest extends FakeNodeTest {

  @Test
  void theMergedConfigurationIsReadInTheAskedFormatAndWrittenBackInIt() {
    node.onJson("GET", "/v1/mcp/config", 200,
        "{\"servers\":{\"fetch\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:41000/mcp\"},"
            + "\"files\":{\"type\":\"stdio\",\"command\":\"docker\",\"args\":[\"exec\",\"-i\",\"c\"]}}}");

    ClientConfig config = client.clientConfig(ClientFormat.VSCODE);

    assertThat(node.last().rawQuery()).isEqualTo("format=vscode");
    assertThat(config.mcpServers()).containsOnlyKeys("fetch", "files");
    assertThat(config.toJson(ClientFormat.VSCODE)).startsWith("{\"servers\":{\"fetch\":");
    assertThat(config.toJson()).startsWith("{\"mcpServers\":{\"fetch\":");
  }

  @Test
  void theDefaultFormatIsClaudes() {
    node.onJson("GET", "/v1/mcp/config", 200, "{\"mcpServers\":{}}");

    assertThat(client.clientConfig().mcpServers()).isEmpty();
    assertThat(node.last().rawQuery()).isEqualTo("format=claude");
  }

  @Test
  void anImportSendsThePasteAsItIsAndReadsOneLinePerServer() {
    node.onJson("POST", "/v1/mcp/config/import", 200, "{\"dryRun\":true,\"servers\":["
        + "{\"name\":\"fetch\",\"status\":\"would_set_up\",\"catalogId\":\"docker.fetch\",\"matchedBy\":\"image\","
        + "\"matched\":\"mcp/fetch\",\"configKeys\":[],\"secretsToSupply\":[],\"ignoredEnv\":[]},"
        + "{\"name\":\"mine\",\"status\":\"setup_requested\",\"catalogId\":\"docker.github-official\","
        + "\"instanceId\":\"i-1\",\"instanceStatus\":\"pending_approval\",\"configKeys\":[],"
        + "\"secretsToSupply\":[\"github.personal_access_token\"],\"ignoredEnv\":[\"EXTRA\"]}]}");
    String paste = "{\"mcpServers\":{\"fetch\":{\"command\":\"docker\",\"args\":[\"run\",\"-i\",\"mcp/fetch\"]}}}";

    ConfigImportAnswer answer = client.importConfig(paste, true);

    assertThat(node.last().body()).isEqualTo(paste);
    assertThat(node.last().rawQuery()).isEqualTo("dryRun=true");
    assertThat(answer.dryRun()).isTrue();
    assertThat(answer.servers()).extracting(ImportedServer::status)
        .containsExactly(ImportStatus.WOULD_SET_UP, ImportStatus.SETUP_REQUESTED);
    assertThat(answer.servers().get(1).instanceStatus()).isEqualTo(InstanceStatus.PENDING_APPROVAL);
    assertThat(answer.servers().get(1).secretsToSupply()).containsExactly("github.personal_access_token");
  }

  @Test
  void aRefusedPasteNamesTheField() {
    node.onJson("POST", "/v1/mcp/config/import", 400,
        "{\"status\":400,\"error\":\"bad_request\",\"message\":\"must be a string\",\"field\":\"mcpServers.a.args[1]\"}");

    assertThatThrownBy(() -> client.importConfig("{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":[1]}}}", false))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.field()).contains("mcpServers.a.args[1]"));
    assertThat(node.last().rawQuery()).isNull();
  }
}
