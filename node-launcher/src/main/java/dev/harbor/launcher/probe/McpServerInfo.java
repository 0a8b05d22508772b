package dev.harbor.launcher.probe;

import java.util.List;

/**
 * What an MCP server said about itself when a probe shook hands with it: its {@code serverInfo}
 * name and version, the protocol version it agreed to, and the names of its tools in the order
 * {@code tools/list} gave them (every page).
 *
 * @param name the server's {@code serverInfo.name}
 * @param version the server's {@code serverInfo.version}; null when it sent none
 * @param protocolVersion the MCP protocol version of the {@code initialize} answer
 * @param tools tool names; empty when the server declares no tools capability
 */
public record McpServerInfo(String name, String version, String protocolVersion, List<String> tools) {

  /** Copies {@code tools}, so the record stays immutable. */
  public McpServerInfo {
    tools = List.copyOf(tools);
  }
}
