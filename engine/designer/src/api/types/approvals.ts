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
