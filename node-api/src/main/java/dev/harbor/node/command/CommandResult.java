package dev.harbor.node.command;

/**
 * What a request that sent a command answers with: the resource as the node's mirror shows it, and
 * whether the command's effect showed there within the wait. Not applied means the policy stream has
 * not acted yet or refused (the audit trail says which); the controller answers 202 then.
 *
 * @param <T> the resource
 */
public record CommandResult<T>(T value, boolean applied) {}
