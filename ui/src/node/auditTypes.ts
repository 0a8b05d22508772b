/** Every audit event type (docs/audit.md). */
export const AUDIT_TYPES = [
  'setup_requested',
  'setup_approved',
  'setup_denied',
  'setup_started',
  'secret_missing',
  'secret_linked',
  'launch_succeeded',
  'launch_failed',
  'container_drifted',
  'foreign_container_found',
  'status_changed',
  'remove_requested',
  'remove_succeeded',
  'remove_failed',
  'instance_restart_requested',
  'transition_refused',
  'entry_enabled',
  'entry_disabled',
  'token_created',
  'token_revoked',
  'policy_changed',
  'catalog_viewed',
  'catalog_searched',
];

/**
 * Named groups of types for the filter. The API takes at most 200 characters per parameter, so a
 * group names only what it needs (the launch order that follows every approval is left out).
 */
export const TYPE_GROUPS: [string, string, string[]][] = [
  ['lifecycle', 'instance lifecycle', [
    'setup_requested', 'setup_approved', 'setup_denied', 'secret_missing', 'secret_linked', 'launch_succeeded',
    'launch_failed', 'container_drifted', 'remove_requested', 'remove_succeeded', 'remove_failed',
    'instance_restart_requested',
  ]],
  ['catalog', 'catalog enabled / disabled', ['entry_enabled', 'entry_disabled']],
  ['reads', 'catalog reads', ['catalog_viewed', 'catalog_searched']],
  ['access', 'tokens and policy', ['token_created', 'token_revoked', 'policy_changed']],
];

/** What the activity chart counts: requests, decisions, launches, removals and entry changes. */
export const ACTIVITY_TYPES = [
  'setup_requested', 'setup_approved', 'setup_denied', 'launch_succeeded', 'launch_failed', 'container_drifted',
  'remove_succeeded', 'remove_failed', 'secret_missing', 'entry_enabled', 'entry_disabled',
];

export const OUTCOMES = ['succeeded', 'failed', 'denied', 'pending'];
export const ACTOR_KINDS = ['operator', 'agent', 'script', 'system'];
