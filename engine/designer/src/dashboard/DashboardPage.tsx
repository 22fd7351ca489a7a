import { Link } from 'react-router';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { operationsApi } from '../api';
import { roleAccess, useAuth } from '../auth/AuthContext';
import { formatDate, formatNumber, formatPercent, formatTime } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync, useInterval } from '../common/useAsync';
import { SetAsideBanner } from './SetAsideBanner';

const statusColors: Record<string, string> = {
  completed: '#16a34a',
  dispatched: '#2563eb',
  pending: '#a3a3a3',
  awaitingApproval: '#d97706',
  held: '#f59e0b',
  failed: '#dc2626',
  skipped: '#94a3b8',
  rejected: '#b91c1c',
};

export function DashboardPage() {
  const dashboard = useAsync(() => operationsApi.dashboard(), []);
  const { user, hasRole } = useAuth();
  useInterval(dashboard.reload, 15000);

  const d = dashboard.data;
  const actions = d ? Object.entries(d.actionsByStatus).map(([status, count]) => ({ status, count })) : [];
  const totalActions = actions.reduce((sum, a) => sum + a.count, 0);
  const eventsLastHour = d ? d.eventsPerMinute.slice(-60).reduce((sum, p) => sum + p.count, 0) : 0;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">Welcome{user?.displayName ? `, ${user.displayName}` : ''}. Refreshes every 15 seconds.</p>
        </div>
      </header>
      <SetAsideBanner />
      {dashboard.error ? <ErrorMessage error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {!d && !dashboard.error && <Loading />}
      {d && (
        <>
          <div className="stat-cards">
            <div className="card stat-card">
              <div className="stat-label">Events, last hour</div>
              <div className="stat-value">{formatNumber(eventsLastHour)}</div>
            </div>
            <div className="card stat-card">
              <div className="stat-label">Actions</div>
              <div className="stat-value">{formatNumber(totalActions)}</div>
            </div>
            <div className="card stat-card" data-testid="approvals-waiting">
              <div className="stat-label">Approvals waiting</div>
              <div className="stat-value">{formatNumber(d.approvalsWaiting)}</div>
              {hasRole(...roleAccess.approve) && d.approvalsWaiting > 0 && (
                <Link to="/approvals" className="small">
                  Open the inbox →
                </Link>
              )}
            </div>
          </div>

          <section className="card" aria-labelledby="epd-title">
            <h2 id="epd-title">Events per day, last 90 days</h2>
            {d.eventsPerDay.every((p) => p.count === 0) ? (
              <Empty>No events in the last 90 days. Send some to POST /api/events or import a CSV file with the CLI.</Empty>
            ) : (
              <figure className="chart" aria-label="Events per day over the last 90 days">
                <ResponsiveContainer width="100%" height={200}>
                  <BarChart title="Events per day" desc="Events per day by their timestamps over the last 90 days" data={d.eventsPerDay} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                    <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="day" tickFormatter={(v: string) => formatDate(v)} fontSize={11} minTickGap={40} />
                    <YAxis fontSize={11} width={44} allowDecimals={false} />
                    <Tooltip labelFormatter={(v) => formatDate(String(v))} formatter={(n) => [formatNumber(Number(n)), 'Events']} />
                    <Bar dataKey="count" fill="#2563eb" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            )}
          </section>

          <div className="grid-2">
            <section className="card" aria-labelledby="epm-title">
              <h2 id="epm-title">Events per minute</h2>
              {d.eventsPerMinute.length === 0 ? (
                <Empty>No events in the last hour. Send some to POST /api/events with an API key.</Empty>
              ) : (
                <figure className="chart" aria-label="Events per minute">
                  <ResponsiveContainer width="100%" height={220}>
                    <AreaChart title="Events per minute" desc="Events received per minute over the last hour" data={d.eventsPerMinute} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                      <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
                      <XAxis dataKey="at" tickFormatter={(v: string) => formatTime(v)} fontSize={11} minTickGap={32} />
                      <YAxis fontSize={11} width={44} allowDecimals={false} />
                      <Tooltip labelFormatter={(v) => formatTime(String(v))} formatter={(n) => [formatNumber(Number(n)), 'Events']} />
                      <Area type="monotone" dataKey="count" stroke="#2563eb" fill="#bfdbfe" isAnimationActive={false} />
                    </AreaChart>
                  </ResponsiveContainer>
                </figure>
              )}
            </section>

            <section className="card" aria-labelledby="abs-title">
              <h2 id="abs-title">Actions by status</h2>
              {actions.length === 0 ? (
                <Empty>No actions yet. Publish a workflow with a Send email step and they appear here.</Empty>
              ) : (
                <figure className="chart" aria-label="Actions by status">
                  <ResponsiveContainer width="100%" height={220}>
                    <BarChart title="Actions by status" desc={actions.map((a) => `${a.status}: ${a.count}`).join(', ')} data={actions} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
                      <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" fontSize={11} allowDecimals={false} />
                      <YAxis type="category" dataKey="status" fontSize={11} width={110} />
                      <Tooltip formatter={(n) => [formatNumber(Number(n)), 'Actions']} />
                      <Bar dataKey="count" isAnimationActive={false}>
                        {actions.map((a) => (
                          <Cell key={a.status} fill={statusColors[a.status] ?? '#64748b'} />
                        ))}
                      </Bar>
                    </BarChart>
                  </ResponsiveContainer>
                  <figcaption className="visually-hidden">{actions.map((a) => `${a.status}: ${a.count}`).join('; ')}</figcaption>
                </figure>
              )}
            </section>
          </div>

          <div className="grid-2">
            <section className="card" aria-labelledby="conv-title">
              <h2 id="conv-title">Conversion by segment</h2>
              {d.conversionBySegment.length === 0 ? (
                <Empty>No conversions measured yet: they count purchases after customers enter a segment.</Empty>
              ) : (
                <div className="table-wrap" tabIndex={0}>
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">Segment</th>
                        <th scope="col" className="num">
                          Members
                        </th>
                        <th scope="col" className="num">
                          Converted
                        </th>
                        <th scope="col">Rate</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.conversionBySegment.map((s) => (
                        <tr key={s.segment}>
                          <td>
                            <Link to={`/segments/${encodeURIComponent(s.segment)}`}>{s.name}</Link>
                          </td>
                          <td className="num">{formatNumber(s.members)}</td>
                          <td className="num">{formatNumber(s.converted)}</td>
                          <td>
                            <span className="rate">
                              <span className="rate-bar" aria-hidden="true">
                                <span style={{ width: `${Math.min(100, s.rate * 100)}%` }} />
                              </span>
                              {formatPercent(s.rate)}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section className="card" aria-labelledby="uplift-title">
              <h2 id="uplift-title">Holdout uplift per workflow</h2>
              {d.upliftByWorkflow.length === 0 ? (
                <Empty>No workflow has a holdout branch with results yet. Add a Split step with a holdout branch to measure uplift.</Empty>
              ) : (
                <div className="table-wrap" tabIndex={0}>
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">Workflow</th>
                        <th scope="col" className="num">
                          Treated
                        </th>
                        <th scope="col" className="num">
                          Holdout
                        </th>
                        <th scope="col" className="num">
                          Uplift
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.upliftByWorkflow.map((u) => (
                        <tr key={u.workflowId}>
                          <td>
                            <Link to={`/workflows/${encodeURIComponent(u.workflowId)}`}>{u.workflowName}</Link>
                          </td>
                          <td className="num">
                            {formatPercent(u.treated ? u.treatedConverted / u.treated : null)}
                            <div className="muted small">
                              {formatNumber(u.treatedConverted)}/{formatNumber(u.treated)}
                            </div>
                          </td>
                          <td className="num">
                            {formatPercent(u.holdout ? u.holdoutConverted / u.holdout : null)}
                            <div className="muted small">
                              {formatNumber(u.holdoutConverted)}/{formatNumber(u.holdout)}
                            </div>
                          </td>
                          <td className={`num ${u.uplift > 0 ? 'ok-text' : u.uplift < 0 ? 'warn-text' : ''}`}>
                            {u.uplift > 0 ? '+' : ''}
                            {(u.uplift * 100).toFixed(1)} pts
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="muted small">Uplift is the treated conversion rate minus the holdout's, in percentage points.</p>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
