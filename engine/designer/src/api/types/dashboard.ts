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
