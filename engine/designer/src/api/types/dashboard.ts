// ---- dashboard ----

export interface Dashboard {
  eventsPerMinute: { at: string; count: number }[];
  /** The last 90 days by the events' own timestamps, every day present. */
  eventsPerDay: { day: string; count: number }[];
  actionsByStatus: Record<string, number>;
  approvalsWaiting: number;
  conversionBySegment: { segment: string; name: string; members: number; converted: number; rate: number }[];
  upliftByWorkflow: {
    workflowId: string;
    workflowName: string;
    treated: number;
    treatedConverted: number;
    holdout: number;
    holdoutConverted: number;
    uplift: number;
  }[];
}
