// ---- operations ----

/** One entry of the suppression list: an address or a customer no email reaches. */
export interface Suppression {
  id: string;
  address?: string | null;
  customerId?: string | null;
  reason: string;
  addedBy: string;
  addedAt: string;
}

export interface NewSuppression {
  email?: string;
  customerId?: string;
  reason: string;
}

/** A customer whose events could not be processed, set aside so everyone else's go on (GET /api/processing/quarantine). */
export interface SetAsideCustomer {
  customerId: string;
  /** Where processing failed, e.g. "fold, scores and segments". */
  stage: string;
  error: string;
  /** Up to 100 ids of the batch that failed. */
  eventIds: string[];
  /** Their events waiting while they are set aside. */
  eventsHeld: number;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  retryRequested: boolean;
  retryRequestedAt?: string | null;
  fromEarlierDeployment: boolean;
}

export interface RetryAccepted {
  customerId: string;
  detail: string;
}

/** GET /health: degraded while anyone is set aside. */
export interface Health {
  status: 'healthy' | 'degraded' | 'unhealthy' | string;
  reason?: string;
}

/** A connector plugin as the host loaded it, or failed to. */
export interface PluginInfo {
  name: string;
  version?: string | null;
  sdkRange?: string | null;
  status: 'loaded' | 'failed' | string;
  error?: string | null;
  actionTypes: string[];
  /** Keys of the rule sets it ships (C#, NRules.Fluent); read-only. */
  ruleSets?: string[];
  assembly: string;
}

/** An action type's connector and its queue (GET /api/connectors). */
export interface ConnectorQueue {
  actionType: string;
  plugin: string;
  /** Actions per call for a batch connector; null for one at a time. */
  batchSize?: number | null;
  /** E.g. "14 actions/s"; null when it runs as fast as the connector answers. */
  rateLimit?: string | null;
  permitsPerSecond?: number | null;
  /** Dispatched and not yet answered. */
  queued: number;
  /** Waiting for their turn under the rate limit in the engine now. */
  waitingForTurn: number;
  /** Seconds to drain the queue at the rate; null without a rate limit. */
  expectedDrainSeconds?: number | null;
}

/** A message a consumer gave up on, parked in an error queue (GET /api/error-queues). */
export interface ErrorQueueMessage {
  /** Opaque: pass it back to replay or discard this message. */
  id: string;
  /** The queue it failed on, e.g. "action-email.send"; a replay sends it back there. */
  queue: string;
  /** e.g. "DispatchAction", "ActionCompleted". */
  messageType: string;
  actionId?: string | null;
  reason: string;
  exceptionType?: string | null;
  faultedAt?: string | null;
}

/** A rule set as GET /api/rule-sets lists it; one a plugin ships is read-only and names its rules. */
export interface RuleSetSummary {
  key: string;
  name: string;
  description: string;
  version: number;
  builtIn: boolean;
  ports: string[];
  plugin: string | null;
  readOnly: boolean;
  pluginRules: { name: string; description: string; priority: number }[] | null;
}

/** The engine processes sharing the work (GET /api/cluster). */
export interface ClusterView {
  partitionCount: number;
  processes: ClusterProcess[];
  partitions: PartitionView[];
}

/** One live engine process: the partitions it owns and the cluster-wide jobs it runs. */
export interface ClusterProcess {
  /** Machine:process id. */
  name: string;
  thisProcess: boolean;
  partitions: number[];
  jobs: string[];
  /** Events waiting in its partitions. */
  waiting: number;
}

/** One partition: its owner (null while handed over) and its backlog. */
export interface PartitionView {
  partition: number;
  owner?: string | null;
  waiting: number;
  lagSeconds: number;
}

/** An email in the built-in outbox (kept when no SMTP server is configured). */
export interface OutboxSummary {
  id: string;
  caughtAt: string;
  plugin: string;
  fromName: string;
  fromAddress: string;
  toAddress: string;
  toName?: string | null;
  subject: string;
}

export interface OutboxList {
  total: number;
  emails: OutboxSummary[];
}

export interface OutboxEmail extends OutboxSummary {
  text?: string | null;
  html?: string | null;
  headers: Record<string, string>;
}
