import { Link } from 'react-router';
import type { SetAsideCustomer } from '../api';
import { formatDateTime, formatNumber } from '../common/format';

interface Props {
  customers: SetAsideCustomer[];
  canRetry: boolean;
  onRetry: (customer: SetAsideCustomer) => void;
}

export function SetAsideTable({ customers, canRetry, onRetry }: Props) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table" data-testid="set-aside-table">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Stage and error</th>
            <th scope="col" className="num">
              Events held
            </th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Failed</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Retry</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <SetAsideRow key={c.customerId} customer={c} canRetry={canRetry} onRetry={onRetry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SetAsideRow({ customer: c, canRetry, onRetry }: { customer: SetAsideCustomer; canRetry: boolean; onRetry: (customer: SetAsideCustomer) => void }) {
  return (
    <tr data-testid={`set-aside-${c.customerId}`} data-retry-pending={c.retryRequested}>
      <td>
        <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.customerId}</Link>
      </td>
      <td className="small action-detail">
        <div className="muted">{c.stage}</div>
        <div className="bad-text" data-testid="set-aside-error">
          {c.error}
        </div>
        {c.eventIds.length > 0 && (
          <details className="event-ids">
            <summary>Failing batch: {formatNumber(c.eventIds.length)} event ids</summary>
            <code>{c.eventIds.join(', ')}</code>
          </details>
        )}
      </td>
      <td className="num">{formatNumber(c.eventsHeld)}</td>
      <td className="num">{formatNumber(c.attempts)}</td>
      <td className="small nowrap">
        <div>first {formatDateTime(c.firstFailedAt)}</div>
        <div className="muted">last {formatDateTime(c.lastFailedAt)}</div>
      </td>
      <td className="small">
        {c.retryRequested ? (
          <>
            <span className="badge badge-warn">retry pending</span>
            <div className="muted nowrap">asked {formatDateTime(c.retryRequestedAt)}</div>
          </>
        ) : (
          <span className="badge badge-bad">set aside</span>
        )}
        {c.fromEarlierDeployment && <div className="muted">from an earlier deployment</div>}
      </td>
      <td className="row-actions">
        {canRetry && !c.retryRequested && (
          <button type="button" className="btn btn-small" aria-label={`Retry ${c.customerId}`} onClick={() => onRetry(c)}>
            Retry
          </button>
        )}
      </td>
    </tr>
  );
}
