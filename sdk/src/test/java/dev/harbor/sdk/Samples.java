package dev.harbor.sdk;

/** JSON as a Node writes it, for the fake node's answers. */
final class Samples {

  private Samples() {}

  static String instance(String id, String status) {
    return instance(id, status, "");
  }

  /** An instance record; {@code extra} is more JSON members, each starting with a comma. */
  static String instance(String id, String status, String extra) {
    return "{\"id\":\"" + id + "\",\"nodeId\":\"default\",\"catalogId\":\"test.everything\",\"slug\":\"everything\","
        + "\"name\":\"Everything\",\"status\":\"" + status + "\","
        + "\"requestedBy\":{\"kind\":\"agent\",\"name\":\"bot\",\"tokenId\":\"k1\"},\"config\":{},"
        + "\"approvalState\":\"not_required\",\"transport\":\"streamable_http\",\"connectionInfo\":{},"
        + "\"secretBindingMode\":\"none\",\"createdAt\":\"2026-11-22T03:14:44.113Z\","
        + "\"updatedAt\":\"2026-11-22T03:14:45Z\",\"lastCorrelationId\":\"c1\"" + extra + "}";
  }

  static String decision(String effect, String rule, String reason) {
    return ",\"decision\":{\"effect\":\"" + effect + "\",\"rule\":\"" + rule + "\",\"reason\":\"" + reason
        + "\",\"decidedAt\":\"2026-11-22T03:14:44.113Z\"}";
  }

  static String clientConfig(String url) {
    return ",\"clientConfig\":{\"mcpServers\":{\"everything\":{\"type\":\"http\",\"url\":\"" + url + "\"}}}";
  }

  static String setupAnswer(String id, String status) {
    return "{\"instanceId\":\"" + id + "\"" + (status == null ? "" : ",\"status\":\"" + status + "\"")
        + ",\"statusUrl\":\"/v1/mcp/instances/" + id + "/status\"}";
  }

  static String error(int status, String error, String field, String message) {
    return "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\""
        + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}";
  }

  static String catalogItem(String id, boolean enabled) {
    return "{\"entry\":{\"id\":\"" + id + "\",\"slug\":\"everything\",\"name\":\"Everything\",\"tags\":[\"test\"],"
        + "\"transport\":\"streamable_http\",\"launcherKind\":\"docker\",\"launchable\":true,"
        + "\"source\":{\"format\":\"docker_mcp_registry\",\"origin\":\"tests\",\"sourceName\":\"everything\"},"
        + "\"createdAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\"},"
        + "\"local\":{\"enabled\":" + enabled + ",\"catalogChangedSince\":false}}";
  }
}
