package dev.harbor.platform.health;

/** Whether a service can answer reads truthfully; each service supplies one. */
public interface Readiness {

  boolean ready();

  /** Waits until {@link #ready()}, checking every 50 ms; false when the timeout passed first. */
  default boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
    }
    return true;
  }
}
