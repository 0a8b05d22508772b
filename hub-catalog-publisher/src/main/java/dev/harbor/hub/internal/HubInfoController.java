package dev.harbor.hub.internal;

import dev.harbor.hub.NodeLink;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /v1/hub}: tells a page that it talks to a Hub, and which Node its catalog entries can be
 * opened on ({@code nodeUrl}, absent when none is configured).
 */
@Controller("/v1/hub")
@Requires(env = "hub")
class HubInfoController {

  private final NodeLink nodeLink;

  HubInfoController(NodeLink nodeLink) {
    this.nodeLink = nodeLink;
  }

  @Get
  HubInfo info() {
    return new HubInfo("hub", nodeLink.url().map(Object::toString).orElse(null));
  }

  @Serdeable
  record HubInfo(String service, @Nullable String nodeUrl) {}
}
