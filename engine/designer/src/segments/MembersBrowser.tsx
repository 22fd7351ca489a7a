import { useState } from 'react';
import { Link } from 'react-router';
import { segmentsApi } from '../api';
import { formatDateTime, reasonsInWords } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';

const take = 20;

export function MembersBrowser({ segmentKey }: { segmentKey: string }) {
  const [skip, setSkip] = useState(0);
  const page = useAsync(() => segmentsApi.members(segmentKey, skip, take), [segmentKey, skip]);
  if (page.error) return <ErrorMessage error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  if (page.data.total === 0) return <Empty>No members right now. Members join as their events arrive and on the next sweep; check the expression’s preview if you expected some.</Empty>;
  return (
    <div data-testid="segment-members">
      <div className="table-wrap" tabIndex={0}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Member since</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {page.data.members.map((m) => (
              <tr key={m.customerId}>
                <td>
                  <Link to={`/customers/${encodeURIComponent(m.customerId)}`}>{m.email || m.name || m.customerId}</Link>
                  {m.name && m.email && <div className="muted small">{m.name}</div>}
                </td>
                <td className="small">{formatDateTime(m.enteredAt)}</td>
                <td className="small">{reasonsInWords(m.reasons).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager skip={skip} take={take} total={page.data.total} onChange={setSkip} label="Members pages" />
      {page.loading && <Loading />}
    </div>
  );
}
