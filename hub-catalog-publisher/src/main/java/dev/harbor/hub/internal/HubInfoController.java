package dev.harbor.hub.internal;

import dev.harbor.hub.NodeLink;
import dev.harbor.platform.openapi.ApiErrorResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /v1/hub}: tells a page that it talks to a Hub, and which Node its catalog entries can be
 * opened on ({@code nodeUrl}, absent when none is configured).
 */
@Tag(name = "hub")
@ApiErrorResponses
@Controller("/v1/hub")
@Requires(env = "hub")
class HubInfoController {

  private final NodeLink nodeLink;

  HubInfoController(NodeLink nodeLink) {
    this.nodeLink = nodeLink;
  }

  /** Tells a page that it talks to a Hub, and which node its catalog entries open on. */
  @Get
  HubInfo info() {
    return new HubInfo("hub", nodeLink.url().map(Object::toString).orElse(null));
  }

  @Serdeable
  record HubInfo(String service, @Nullable String nodeUrl) {}
}
