package dev.harbor.launcher;

/** Hears each launch step as the launcher finishes it (progress logs, tests that stop the launcher mid-launch). */
@FunctionalInterface
public interface LaunchStepListener {

  LaunchStepListener NONE = (instanceId, step) -> { };

  void done(String instanceId, LaunchStep step);
}
