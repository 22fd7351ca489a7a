import { useState } from 'react';
import { Link } from 'react-router';
import { customersApi } from '../api';
import { formatMoney, formatPercent, formatRelative } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync, useDebounced } from '../common/useAsync';

const take = 25;

export function CustomersPage() {
  const [search, setSearch] = useState('');
  const [skip, setSkip] = useState(0);
  const query = useDebounced(search.trim(), 300);
  const page = useAsync(() => customersApi.search(query, skip, take), [query, skip]);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Customers</h1>
          <p className="muted">Profiles, scores and what the workflows did for each customer.</p>
        </div>
      </header>
      <div className="toolbar-row">
        <input
          type="search"
          className="grow"
          aria-label="Search customers"
          placeholder="Search by id, email or name…"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setSkip(0);
          }}
        />
      </div>
      {page.error ? <ErrorMessage error={page.error} onRetry={page.reload} /> : null}
      {page.loading && !page.data && <Loading />}
      {page.data && page.data.total === 0 && <Empty>{query ? `No customer matches “${query}”.` : 'No customers yet. Send events to POST /api/events (or import a CSV file with the CLI) and customers appear here.'}</Empty>}
      {page.data && page.data.customers.length > 0 && (
        <>
          <div className="table-wrap" tabIndex={0}>
            <table className="table" data-testid="customer-table">
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Last seen</th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                  <th scope="col">RFM segment</th>
                  <th scope="col" className="num">
                    Churn risk
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.data.customers.map((c) => (
                  <tr key={c.id} data-testid={`customer-${c.id}`}>
                    <td>
                      <Link to={`/customers/${encodeURIComponent(c.id)}`} className="strong-link">
                        {c.name || c.email || c.id}
                      </Link>
                      <div className="muted small">{[c.email, c.id].filter(Boolean).join(' · ')}</div>
                    </td>
                    <td className="small">{formatRelative(c.lastSeen)}</td>
                    <td className="num">{formatMoney(c.monetary)}</td>
                    <td>{c.rfmSegment ?? '—'}</td>
                    <td className="num">{formatPercent(c.churnRisk)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager skip={skip} take={take} total={page.data.total} onChange={setSkip} label="Customer pages" />
        </>
      )}
    </div>
  );
}
