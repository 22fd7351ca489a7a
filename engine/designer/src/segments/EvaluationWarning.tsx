import { Link } from 'react-router';
import type { SegmentEvaluationError } from '../api';
import { formatDateTime, formatNumber } from '../common/format';

/** What the segment's expression threw for some customer: those customers count as not members until it is fixed. */
export function EvaluationWarning({ error }: { error: SegmentEvaluationError }) {
  return (
    <div className="alert alert-warn" role="alert" data-testid="segment-evaluation-error">
      <div>
        <strong>
          The expression failed {formatNumber(error.count)} {error.count === 1 ? 'time' : 'times'} since {formatDateTime(error.at)}
        </strong>
        , first for customer <Link to={`/customers/${encodeURIComponent(error.customerId)}`}>{error.customerId}</Link>:
        <div className="evaluation-error-text">{error.error}</div>
        <div className="small">
          Customers it fails for count as not members. Change the expression so it holds for everyone (e.g. guard a division against zero) and save
          it again.
        </div>
      </div>
    </div>
  );
}
