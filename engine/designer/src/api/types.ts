// Types of the web API (docs/web-api.md). Keep every shape the server sends or accepts here.

export type Role = 'admin' | 'marketer' | 'approver' | 'integrator';

export interface User {
  email: string;
  displayName: string;
  roles: Role[];
}

/** An account as the admin's users page sees it. */
export interface UserAccount extends User {
  createdAt: string;
  /** The admin who created the account; none for accounts from configuration or seeding. */
  createdBy?: string | null;
  /** A second admin who vouched that the account is someone other than its creator (four-eyes). */
  confirmedBy?: string | null;
}

/** What an API key may do: send events, or read aggregate reports. No key reads a person's data. */
export type KeyScope = 'ingest' | 'reporting';

/** An API key as the admin sees it; the key itself is shown only once, when it is created. */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: KeyScope;
  source: 'admin' | 'configuration';
  createdBy: string;
  createdAt?: string | null;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface NewApiKey {
  id: string;
  name: string;
  scope: KeyScope;
  key: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** What the admin changes; a field left out stays as it is. */
export interface UserChange {
  displayName?: string;
  roles?: Role[];
  password?: string;
}

export interface AntiforgeryToken {
  token: string;
  headerName: string;
}

/** One problem in a 400 answer; `activityId` is set when it belongs to a workflow activity. */
export interface ValidationProblem {
  activityId?: string | null;
  field?: string;
  message: string;
  position?: number | null;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  problems?: ValidationProblem[];
}

// ---- palette and expressions ----

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  [key: string]: unknown;
}

export interface ActivityDescriptor {
  type: string;
  kind: 'activity' | 'action';
  category: string;
  displayName: string;
  description: string;
  ports: string[];
  inputSchema: JsonSchema | null;
  budgetAffecting: boolean;
  estimatedCost: number;
  plugin?: string | null;
  /** Ports that follow a setting's value: a ruleSet node leaves by its rule set's rules. */
  portsBySetting?: { setting: string; ports: Record<string, string[]> } | null;
}

export interface ExpressionMember {
  name: string;
  type: 'int' | 'double' | 'decimal' | 'bool' | 'string' | string;
  description?: string;
}

export interface ExpressionProblem {
  message: string;
  position?: number | null;
}

export interface ExpressionValidation {
  valid: boolean;
  problems: ExpressionProblem[];
}

// ---- workflow definitions ----

export type TriggerType = 'segment.entered' | 'segment.exited' | 'score.crossed' | 'event';

export interface TriggerDefinition {
  type: TriggerType | string;
  segment?: string | null;
  score?: string | null;
  threshold?: number | null;
  direction?: 'up' | 'down' | string | null;
  event?: string | null;
  filter?: string | null;
}

export type ReentryPolicy = 'once' | 'oncePer' | 'always';

export interface ReentryDefinition {
  policy: ReentryPolicy | string;
  days?: number | null;
}

/** A node of the flowchart; the type's own settings ("expression", "branches", "action", "input", …) sit beside id and type. */
export interface ActivityDefinition {
  id: string;
  type: string;
  displayName?: string | null;
  [setting: string]: unknown;
}

export interface ConnectionDefinition {
  from: string;
  port: string;
  to: string;
}

export interface LayoutPosition {
  x: number;
  y: number;
}

export interface WorkflowDefinition {
  id: string;
  name: string;
  description?: string;
  version?: number;
  trigger?: TriggerDefinition | null;
  reentry?: ReentryDefinition | null;
  activities: ActivityDefinition[];
  connections: ConnectionDefinition[];
  layout?: Record<string, LayoutPosition>;
}

export type WorkflowStatus = 'draft' | 'published' | 'disabled';

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  status: WorkflowStatus;
  enabled: boolean;
  publishedVersion?: number | null;
  latestVersion: number;
  trigger?: TriggerDefinition | null;
  activeInstances: number;
  entered7d: number;
}

export interface WorkflowVersionInfo {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  createdBy?: string;
  createdAt?: string;
  publishedBy?: string | null;
  publishedAt?: string | null;
}

export interface WorkflowDetail {
  id: string;
  name: string;
  status: WorkflowStatus;
  enabled: boolean;
  publishedVersion?: number | null;
  latestVersion: number;
  definition: WorkflowDefinition;
  versions: WorkflowVersionInfo[];
}

export interface SavedWorkflow {
  id: string;
  version: number;
}

export interface WorkflowValidation {
  valid: boolean;
  problems: ValidationProblem[];
}

export interface PublishResult {
  id: string;
  version: number;
  changes: string[];
}

export interface WorkflowDiff {
  publishedVersion?: number | null;
  latestVersion: number;
  changes: string[];
}

export interface SimulationActivity {
  activityId: string;
  entered: number;
  ports: Record<string, number>;
}

export interface SimulationResult {
  customersEvaluated: number;
  customersEntered: number;
  activities: SimulationActivity[];
  actions: { actionType: string; count: number; estimatedCost: number; needingApproval: number }[];
  estimatedSpend: number;
  /** Approval requests the run would raise: budget-affecting actions and explicit approval steps. */
  approvalsNeeded: number;
  samples: Record<string, string[]>;
}

export interface ElsaImportResult {
  definition: WorkflowDefinition;
  /** Elsa activities with no counterpart: left on the canvas as `elsa.unmapped` placeholders to replace. */
  unmapped: ElsaImportNote[];
  /** Mapped steps (and the trigger) that still need a choice before publishing. */
  toFinish: ElsaImportNote[];
}

export interface ElsaImportNote {
  activityId: string;
  elsaType: string;
  reason: string;
}

export type InstanceStatus = 'running' | 'waiting' | 'completed' | 'faulted' | 'cancelled';

export interface WorkflowInstance {
  id: string;
  workflowId?: string;
  customerId: string;
  version: number;
  status: InstanceStatus | string;
  currentActivityId?: string | null;
  bookmark?: unknown;
  wakeAt?: string | null;
  branch?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
}

export interface InstanceStep {
  activityId: string;
  activityType: string;
  at: string;
  port?: string | null;
  summary?: string | null;
}

export interface InstanceDetail extends WorkflowInstance {
  steps: InstanceStep[];
}

export interface LiveView {
  version: number;
  waiting: Record<string, number>;
  completed: number;
  running: number;
}

// ---- approvals ----

export interface ReasonCode {
  feature: string;
  value?: unknown;
  text?: string | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export interface Approval {
  id: string;
  workflowId: string;
  workflowName: string;
  workflowVersion: number;
  activityId: string;
  customerId: string;
  customerEmail?: string | null;
  /** Absent for an explicit approval step (no action waits behind it). */
  actionType?: string | null;
  segment?: string | null;
  reasons: ReasonCode[];
  estimatedCost: number;
  budgetUsedToday: number;
  budgetLeftToday: number;
  status: ApprovalStatus | string;
  requestedAt: string;
  expiresAt?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  comment?: string | null;
  canDecide: boolean;
  cannotDecideReason?: string | null;
}

export interface BatchApproveResult {
  approved: number;
  refused: { id: string; reason: string }[];
}

// ---- segments, customers, scores ----

export interface Segment {
  key: string;
  name: string;
  description?: string | null;
  expression: string;
  size?: number;
  builtIn?: boolean;
  scoreMember?: string | null;
  enterThreshold?: number | null;
  exitThreshold?: number | null;
  ttlDays?: number | null;
  minimumSize?: number | null;
  /** What the expression threw for some customer since the engine started (they count as not members); read-only. */
  evaluationError?: SegmentEvaluationError | null;
}

/** The first error a segment's expression threw, for whom and when, and how many evaluations threw since. */
export interface SegmentEvaluationError {
  customerId: string;
  error: string;
  at: string;
  count: number;
}

export interface SegmentPreview {
  count: number;
  total: number;
  problems: ExpressionProblem[];
}

export interface SegmentMember {
  customerId: string;
  email?: string | null;
  name?: string | null;
  enteredAt?: string | null;
  reasons?: ReasonCode[] | string[] | string | null;
}

export interface SegmentMembersPage {
  total: number;
  members: SegmentMember[];
}

export interface SegmentSizePoint {
  date: string;
  size: number;
}

export interface RfmGrid {
  cells: { recency: number; frequency: number; count: number }[];
}

export interface Cluster {
  id: number | string;
  size: number;
  description: string;
  expression: string;
  silhouette: number;
}

export interface ClusteringResult {
  silhouette: number;
  clusters: Cluster[];
}

export interface CustomerSummary {
  id: string;
  email?: string | null;
  name?: string | null;
  lastSeen?: string | null;
  monetary?: number | null;
  rfmSegment?: string | null;
  churnRisk?: number | null;
}

export interface CustomersPage {
  total: number;
  customers: CustomerSummary[];
}

export interface CustomerScores {
  recency?: number | null;
  frequency?: number | null;
  monetary?: number | null;
  rfmSegment?: string | null;
  churnRisk?: number | null;
  purchasePropensity?: number | null;
  reasons?: ReasonCode[];
}

export interface GuardResult {
  guard: string;
  passed: boolean;
  reason?: string | null;
}

export type ActionStatus =
  | 'pending'
  | 'awaitingApproval'
  | 'held'
  | 'dispatched'
  | 'completed'
  | 'failed'
  | 'skipped'
  | 'rejected'
  | 'unknown';

export interface ActionRecord {
  id: string;
  instanceId?: string | null;
  actionType: string;
  channel?: string | null;
  plugin?: string | null;
  customerId: string;
  workflowId?: string | null;
  workflowVersion?: number | null;
  activityId?: string | null;
  status: ActionStatus | string;
  guardResults?: GuardResult[];
  budgetAffecting?: boolean;
  estimatedCost?: number;
  attempts?: number;
  lastError?: string | null;
  detail?: string | null;
  createdAt?: string | null;
  heldUntil?: string | null;
  dispatchedAt?: string | null;
  completedAt?: string | null;
}

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
  assembly: string;
}

export interface CustomerDetail {
  id: string;
  email?: string | null;
  name?: string | null;
  features: Record<string, unknown>;
  scores?: CustomerScores | null;
  segments: { key: string; name?: string | null; enteredAt?: string | null; reasons?: SegmentMember['reasons'] }[];
  instances: WorkflowInstance[];
  actions: ActionRecord[];
}

export interface CustomerEvent {
  id: string;
  type: string;
  timestamp: string;
  value?: number | null;
  properties?: Record<string, unknown> | null;
}

// ---- dashboard ----

export interface Dashboard {
  eventsPerMinute: { at: string; count: number }[];
  actionsByStatus: Record<string, number>;
  approvalsWaiting: number;
  conversionBySegment: { segment: string; members: number; converted: number; rate: number }[];
  upliftByWorkflow: {
    workflowId: string;
    treated: number;
    treatedConverted: number;
    holdout: number;
    holdoutConverted: number;
    uplift: number;
  }[];
}
