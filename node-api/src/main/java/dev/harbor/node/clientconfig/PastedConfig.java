package dev.harbor.node.clientconfig;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pasted client configuration, checked as a whole before anything is done with it: Claude Desktop's
 * and Cursor's {@code {"mcpServers": {...}}} or VS Code's {@code {"servers": {...}}}, with an optional
 * {@code dryRun} flag beside them; other top-level keys of a settings file are ignored. A bad value
 * is refused naming its path ({@code mcpServers.fetch.args[2]}); a name that cannot be echoed safely
 * is refused naming the object it is in. Values are never part of a message.
 */
record PastedConfig(List<PastedServer> servers, boolean dryRun) {

  static final int MAX_SERVERS = 50;
  static final int MAX_ARGS = 100;
  static final int MAX_ENV = 100;
  static final int MAX_TEXT = 2048;

  private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.@-]{0,63}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");
  private static final Pattern URL = Pattern.compile("https?://[^\\s/?#@]+(?:[/?#]\\S*)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> TYPES = Set.of("stdio", "http", "sse", "streamable-http", "streamableHttp");

  static PastedConfig parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("mcpServers", "the body is empty; paste a configuration with mcpServers");
    }
    JsonNode root;
    try {
      root = ObjectMapper.getDefault().readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("body", "not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("body", "must be a JSON object holding mcpServers");
    }
    JsonNode mcpServers = root.get("mcpServers");
    JsonNode vscodeServers = root.get("servers");
    if (mcpServers != null && vscodeServers != null) {
      throw new BadRequestException("servers", "give either mcpServers or servers, not both");
    }
    String key = mcpServers != null ? "mcpServers" : "servers";
    JsonNode servers = mcpServers != null ? mcpServers : vscodeServers;
    if (servers == null || !servers.isObject()) {
      throw new BadRequestException(servers == null ? "mcpServers" : key, "missing or not an object of servers by name");
    }
    if (servers.size() == 0) {
      throw new BadRequestException(key, "holds no servers");
    }
    if (servers.size() > MAX_SERVERS) {
      throw new BadRequestException(key, "at most " + MAX_SERVERS + " servers per import");
    }
    List<PastedServer> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> server : servers.entries()) {
      checked.add(server(key, server.getKey(), server.getValue()));
    }
    return new PastedConfig(List.copyOf(checked), dryRun(root.get("dryRun")));
  }

  private static boolean dryRun(@Nullable JsonNode flag) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (!flag.isBoolean()) {
      throw new BadRequestException("dryRun", "must be true or false");
    }
    return flag.getBooleanValue();
  }

  private static PastedServer server(String key, String name, JsonNode value) {
    if (name == null || !SERVER_NAME.matcher(name).matches()) {
      throw new BadRequestException(key, "server names are 1 to 64 letters, digits, spaces and _ . @ -");
    }
    String path = key + "." + name;
    if (!value.isObject()) {
      throw new BadRequestException(path, "must be an object");
    }
    String type = text(value.get("type"), path + ".type", 64);
    if (type != null && !TYPES.contains(type)) {
      throw new BadRequestException(path + ".type", "one of " + TYPES.stream().sorted().toList());
    }
    String command = text(value.get("command"), path + ".command", 256);
    String url = text(value.get("url"), path + ".url", MAX_TEXT);
    if (url != null && !URL.matcher(url).matches()) {
      throw new BadRequestException(path + ".url", "must be an http or https URL");
    }
    if (command == null && url == null) {
      throw new BadRequestException(path + ".command", "a server needs a command or a url");
    }
    return new PastedServer(name, path, command, args(value.get("args"), path + ".args"),
        env(value.get("env"), path + ".env"), url);
  }

  private static List<String> args(@Nullable JsonNode args, String path) {
    if (args == null || args.isNull()) {
      return List.of();
    }
    if (!args.isArray()) {
      throw new BadRequestException(path, "must be an array of strings");
    }
    if (args.size() > MAX_ARGS) {
      throw new BadRequestException(path, "at most " + MAX_ARGS + " arguments");
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = text(args.get(i), path + "[" + i + "]", MAX_TEXT);
      if (arg == null) {
        throw new BadRequestException(path + "[" + i + "]", "must be a string");
      }
      checked.add(arg);
    }
    return List.copyOf(checked);
  }

  private static Map<String, String> env(@Nullable JsonNode env, String path) {
    if (env == null || env.isNull()) {
      return Map.of();
    }
    if (!env.isObject()) {
      throw new BadRequestException(path, "must be an object of strings by variable name");
    }
    if (env.size() > MAX_ENV) {
      throw new BadRequestException(path, "at most " + MAX_ENV + " variables");
    }
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> variable : env.entries()) {
      if (!ENV_NAME.matcher(variable.getKey()).matches()) {
        throw new BadRequestException(path, "variable names are letters, digits and _, not starting with a digit");
      }
      String value = text(variable.getValue(), path + "." + variable.getKey(), MAX_TEXT);
      if (value == null) {
        throw new BadRequestException(path + "." + variable.getKey(), "must be a string");
      }
      checked.put(variable.getKey(), value);
    }
    return checked;
  }

  /** A string value, or null when absent; refused when it is not a string, too long or unsafe. */
  private static @Nullable String text(@Nullable JsonNode node, String path, int max) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new BadRequestException(path, "must be a string");
    }
    String value = node.getStringValue();
    if (value.length() > max) {
      throw new BadRequestException(path, "longer than " + max + " characters");
    }
    if (UNSAFE.matcher(value).find()) {
      throw new BadRequestException(path, "must not contain control or invisible formatting characters");
    }
    return value;
  }
}
