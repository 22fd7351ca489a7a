import type { ReactNode } from 'react';
import { errorMessage } from '../api';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      <div>
        {title && <strong>{title}: </strong>}
        {errorMessage(error)}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

const statusTones: Record<string, string> = {
  published: 'ok',
  completed: 'ok',
  approved: 'ok',
  dispatched: 'ok',
  loaded: 'ok',
  draft: 'muted',
  superseded: 'muted',
  skipped: 'muted',
  expired: 'muted',
  cancelled: 'muted',
  pending: 'warn',
  waiting: 'warn',
  running: 'info',
  awaitingApproval: 'warn',
  held: 'warn',
  disabled: 'bad',
  failed: 'bad',
  faulted: 'bad',
  rejected: 'bad',
  unknown: 'warn',
};

const statusWords: Record<string, string> = {
  awaitingApproval: 'awaiting approval',
  unknown: 'outcome unknown',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${statusTones[status] ?? 'muted'}`}>{statusWords[status] ?? status}</span>;
}
