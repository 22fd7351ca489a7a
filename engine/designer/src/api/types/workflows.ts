import type { ValidationProblem } from './access';

// ---- workflow definitions ----

export type TriggerType = 'segment.entered' | 'segment.exited' | 'score.crossed' | 'event' | 'webhook' | 'schedule';

export interface TriggerDefinition {
  type: TriggerType | string;
  segment?: string | null;
  score?: string | null;
  threshold?: number | null;
  direction?: 'up' | 'down' | string | null;
  event?: string | null;
  filter?: string | null;
  /** For webhook triggers: what callers send in X-Webhook-Secret. */
  secret?: string | null;
  /** For schedule triggers: a one-off time (ISO 8601 with offset) … */
  at?: string | null;
  /** … or a five-field cron schedule in the workspace's time zone. */
  cron?: string | null;
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

/** A workflow variable: set by setVariable steps, read in expressions as Variables.Number("name") and the like. */
export interface VariableDefinition {
  name: string;
  value?: unknown;
}

/** What ends a customer's instance as converted: an event, an expression, or both. */
export interface GoalDefinition {
  name?: string;
  event?: string;
  expression?: string;
}

export interface WorkflowDefinition {
  id: string;
  name: string;
  description?: string;
  version?: number;
  trigger?: TriggerDefinition | null;
  reentry?: ReentryDefinition | null;
  variables?: VariableDefinition[];
  goal?: GoalDefinition | null;
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
  /** Instances started for the segment's current members (0 unless asked for). */
  startedForCurrentMembers: number;
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
  /** Of those entering, how many already meet the goal expression (they convert at once); absent without one. */
  alreadyAtGoal?: number | null;
  samples: Record<string, string[]>;
}

export interface ElsaImportResult {
  definition: WorkflowDefinition;
  /** Elsa activities with no counterpart: left on the canvas as `elsa.unmapped` placeholders to replace. */
  unmapped: ElsaImportNote[];
  /** Mapped steps (and the trigger) that still need a choice before publishing. */
  toFinish: ElsaImportNote[];
  /** What was changed, translated or dropped on the way, each with the original. */
  changed?: ElsaImportNote[];
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

/** The variant an A/B test step chose; every later customer takes it. */
export interface SplitWinner {
  activityId: string;
  port: string;
  probabilityBest: number;
  summary: string;
  decidedAt: string;
}

export interface LiveView {
  version: number;
  waiting: Record<string, number>;
  completed: number;
  running: number;
  converted?: number;
  winners?: SplitWinner[];
}

/** Which waiting instances move: old step id → new step id where the ids differ, and (when given) only these old steps. */
export interface MigrationRequest {
  toVersion?: number;
  mapping: Record<string, string>;
  steps?: string[];
}

/** Instances waiting at one step of one version, the step of the new version they go to (none: they stay), and why. */
export interface MigrationLine {
  fromVersion: number;
  fromStep: string;
  instances: number;
  toStep?: string | null;
  reason: string;
}

export interface MigrationReport {
  workflowId: string;
  toVersion: number;
  lines: MigrationLine[];
  applied: boolean;
  moved: number;
  staying: number;
}
