// Shapes of the Hub and Node APIs (docs/api.md). Absent fields and lists are left out of answers.

export const STATUSES = [
  'requested',
  'pending_approval',
  'installing',
  'secret_missing',
  'active',
  'degraded',
  'failed',
  'removing',
  'removed',
  'denied',
] as const;
export type Status = (typeof STATUSES)[number];

export interface Actor {
  kind: string;
  name: string;
  tokenId?: string;
}

export interface Decision {
  effect: string;
  rule: string;
  reason?: string;
  decidedAt: string;
}

export interface Approval {
  state: string;
  specHash: string;
  requestedAt: string;
  expiresAt: string;
  decidedBy?: Actor;
  decidedAt?: string;
  note?: string;
}

export interface Instance {
  id: string;
  nodeId: string;
  catalogId: string;
  slug: string;
  name: string;
  status: Status;
  requestedBy: Actor;
  config?: Record<string, string>;
  idempotencyKey?: string;
  decision?: Decision;
  approvalState?: string;
  approval?: Approval;
  specHash?: string;
  dockerContainerName?: string;
  dockerImage?: string;
  transport?: string;
  connectionInfo?: Record<string, string>;
  errorMessage?: string;
  createdAt: string;
  updatedAt: string;
  lastStartedAt?: string;
  clientConfig?: unknown;
}

export interface ApprovalItem {
  instanceId: string;
  catalogId: string;
  name: string;
  requestedBy: Actor;
  config?: Record<string, string>;
  state: string;
  specHash: string;
  requestedAt: string;
  expiresAt: string;
  decidedBy?: Actor;
  note?: string;
}

export interface SecretSpec {
  name: string;
  env?: string;
  description?: string;
  required: boolean;
}

export interface EnvVarSpec {
  name: string;
  description?: string;
  required: boolean;
}

export interface ParameterSpec {
  name: string;
  description?: string;
  type: string;
  required: boolean;
  defaultValue?: string;
}

export interface CatalogEntry {
  id: string;
  slug: string;
  name: string;
  description?: string;
  publisher?: string;
  tags?: string[];
  category?: string;
  homepageUrl?: string;
  docsUrl?: string;
  image?: string;
  imageTagDefault?: string;
  imageDigest?: string;
  transport: string;
  launcherKind: string;
  launchable: boolean;
  notLaunchableReason?: string;
  parameters?: ParameterSpec[];
  env?: EnvVarSpec[];
  secrets?: SecretSpec[];
  tools?: { name: string; description?: string }[];
  remotes?: { url: string; transport?: string }[];
  version?: string;
  status: string;
  source: { format: string; origin: string; sourceName: string; repositoryUrl?: string; license?: string };
  updatedAt: string;
}

export interface LocalState {
  enabled: boolean;
  reason?: string;
  changedBy?: Actor;
  changedAt?: string;
  catalogChangedSince?: boolean;
}

export interface NodeCatalogItem {
  entry: CatalogEntry;
  local: LocalState;
}

export interface CatalogStateChange {
  catalogId: string;
  enabled: boolean;
  reason?: string;
  changedBy?: Actor;
  changedAt?: string;
}

export interface Page<T> {
  items?: T[];
  page: number;
  size: number;
  total: number;
}

export interface AuditEvent {
  id: string;
  type: string;
  at: string;
  actor: Actor;
  catalogId?: string;
  instanceId?: string;
  message: string;
  details?: Record<string, string>;
  action?: string;
  outcome?: string;
  reason?: string;
}

export interface AuditPage {
  items?: AuditEvent[];
  page: number;
  size: number;
  hasMore: boolean;
  total?: number;
}

export interface SecretState {
  name: string;
  description?: string;
  required: boolean;
  supplied: boolean;
}

export interface SetupAnswer {
  instanceId: string;
  status?: Status;
  decision?: Decision;
  existing?: boolean;
}

export type ClientFormat = 'claude' | 'vscode';

export type ImportStatus =
  | 'setup_requested'
  | 'would_set_up'
  | 'not_in_catalog'
  | 'disabled'
  | 'not_launchable'
  | 'denied'
  | 'invalid_config'
  | 'conflict';

/** What an import did, or a dry run would do, with one pasted server: names only, never a value. */
export interface ImportedServer {
  name: string;
  status: ImportStatus;
  catalogId?: string;
  matchedBy?: string;
  matched?: string;
  instanceId?: string;
  instanceStatus?: Status;
  configKeys?: string[];
  secretsToSupply?: string[];
  ignoredEnv?: string[];
  detail?: string;
}

export interface ConfigImportAnswer {
  dryRun: boolean;
  servers?: ImportedServer[];
}
