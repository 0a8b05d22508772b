package dev.harbor.platform.health;

/** Whether a service can answer reads truthfully; each service supplies one. */
public interface Readiness {

  boolean ready();
}
