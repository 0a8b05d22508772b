package dev.harbor.node.identity;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;

/**
 * Who is making a request: the token's id, its kind and the name it was issued under. Never holds
 * the token itself.
 */
public record Caller(String tokenId, CallerKind kind, String name) {

  /** This caller as the actor of an audit event or a state change. */
  public Actor actor() {
    return new Actor(kind, name, tokenId);
  }
}
