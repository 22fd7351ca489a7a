import { useCallback, useEffect, useRef, useState } from 'react';
import { operationsApi, type ActionRecord } from '../api';

export interface RetryState {
  busy: boolean;
  error?: unknown;
  /** The action as last read after the retry: it stays on screen even when the status filter no longer matches. */
  record?: ActionRecord;
}

const settled = new Set(['completed', 'failed', 'skipped', 'rejected']);
const pollEveryMs = 1000;
const pollForMs = 60_000;

/** What an admin can do with an action: retry a failed one, or settle one whose outcome is unknown. */
export type ActionDecision = 'retry' | 'resend' | 'mark-sent' | 'cancel';

const statusAfter: Record<ActionDecision, string> = { retry: 'dispatched', resend: 'dispatched', 'mark-sent': 'completed', cancel: 'skipped' };

/** Retries (or settles) an action and follows it until it settles (completed, or failed again). */
export function useActionRetry() {
  const [states, setStates] = useState<Record<string, RetryState>>({});
  const timers = useRef(new Set<number>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);

  const set = useCallback((id: string, state: RetryState) => setStates((s) => ({ ...s, [id]: state })), []);

  const follow = useCallback(
    (action: ActionRecord, until: number) => {
      const timer = window.setTimeout(async () => {
        timers.current.delete(timer);
        try {
          // The API has no single-action read: the customer's newest actions hold it.
          const list = await operationsApi.actions({ customerId: action.customerId, workflowId: action.workflowId ?? undefined, take: 200 });
          const latest = list.find((a) => a.id === action.id);
          if (latest) set(action.id, { busy: false, record: latest });
          if (latest && settled.has(latest.status)) return;
        } catch (error) {
          set(action.id, { busy: false, error, record: action });
          return;
        }
        if (Date.now() < until) follow(action, until);
      }, pollEveryMs);
      timers.current.add(timer);
    },
    [set],
  );

  const retry = useCallback(
    async (action: ActionRecord, decision: ActionDecision = 'retry') => {
      set(action.id, { busy: true, record: action });
      try {
        if (decision === 'retry') await operationsApi.retryAction(action.id);
        else await operationsApi.settleAction(action.id, decision);
        // Accepted: on its way to the connector again, or settled by hand.
        set(action.id, { busy: false, record: { ...action, status: statusAfter[decision], lastError: action.lastError } });
        if (statusAfter[decision] === 'dispatched') follow(action, Date.now() + pollForMs);
      } catch (error) {
        set(action.id, { busy: false, error, record: action });
      }
    },
    [follow, set],
  );

  return { states, retry };
}
