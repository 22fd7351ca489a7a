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
  /** The name the workflow gives the step, if it gives one. */
  stepName?: string | null;
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

/** A customer in a grouped approval, with why they are in the audience. */
export interface GroupMember {
  approvalId: string;
  customerId: string;
  customerEmail?: string | null;
  reasons: ReasonCode[];
  estimatedCost: number;
  status: ApprovalStatus | string;
  comment?: string | null;
}

/** Many customers of one workflow step, decided in one go. */
export interface ApprovalGroup {
  id: string;
  workflowId: string;
  workflowName: string;
  workflowVersion: number;
  activityId: string;
  /** The name the workflow gives the step, if it gives one. */
  stepName?: string | null;
  actionType?: string | null;
  audienceSize: number;
  sample: GroupMember[];
  estimatedTotalCost: number;
  budgetUsedToday: number;
  budgetLeftToday: number;
  status: ApprovalStatus | string;
  openedAt: string;
  expiresAt?: string | null;
  decidedBy?: string | null;
  comment?: string | null;
  canDecide: boolean;
  cannotDecideReason?: string | null;
}

export interface GroupDecisionResult {
  id: string;
  status: ApprovalStatus | string;
  approved: number;
  rejected: number;
  removed: number;
}
