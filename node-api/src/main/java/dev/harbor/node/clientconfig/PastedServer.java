package dev.harbor.node.clientconfig;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One server of a pasted client configuration, checked: its name, the JSON path it was found under
 * (for error messages), and what it runs. {@code env} values may be secrets; they are never shown.
 */
record PastedServer(
    String name, String path, @Nullable String command, List<String> args, Map<String, String> env,
    @Nullable String url) {

  @Override
  public String toString() {
    return "PastedServer[name=" + name + ", env=" + env.keySet() + "]";
  }
}
