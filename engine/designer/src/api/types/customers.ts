import type { ReasonCode } from './approvals';
import type { ExpressionProblem } from './palette';
import type { WorkflowInstance } from './workflows';

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
  /** Each model score's top reasons, by score name (ChurnRisk, PurchasePropensity). */
  reasonsByScore?: Record<string, ReasonCode[]> | null;
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

export interface CustomerDetail {
  id: string;
  email?: string | null;
  name?: string | null;
  features: Record<string, unknown>;
  scores?: CustomerScores | null;
  segments: { key: string; name?: string | null; enteredAt?: string | null; reasons?: SegmentMember['reasons'] }[];
  instances: WorkflowInstance[];
  actions: ActionRecord[];
  /** Tags rules gave the customer, oldest first. */
  tags?: { tag: string; addedAt: string; addedBy: string }[];
}

export interface CustomerEvent {
  id: string;
  type: string;
  timestamp: string;
  value?: number | null;
  properties?: Record<string, unknown> | null;
}
