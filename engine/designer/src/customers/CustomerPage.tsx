import { Link, useParams } from 'react-router';
import { customersApi, type ActionRecord } from '../api';
import { roleAccess, useAuth } from '../auth/AuthContext';
import { formatDate, formatDateTime, formatMoney, formatPercent, formatRelative, formatValue, humanize, reasonText, reasonsInWords } from '../common/format';
import { Empty, ErrorMessage, Loading, StatusBadge } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { CustomerTimeline } from './CustomerTimeline';
import { EraseCustomer } from './EraseCustomer';
import { useWorkflowNames } from '../common/useWorkflowNames';

export function CustomerPage() {
  const { id = '' } = useParams();
  const customer = useAsync(() => customersApi.get(id), [id]);
  const events = useAsync(() => customersApi.events(id, 100), [id]);
  const workflowName = useWorkflowNames();
  const { hasRole } = useAuth();
  const canDesign = hasRole(...roleAccess.design);

  if (customer.error) {
    return (
      <div className="page">
        <Link to="/customers">← Customers</Link>
        <ErrorMessage error={customer.error} onRetry={customer.reload} title="The customer could not be loaded" />
      </div>
    );
  }
  if (!customer.data) return <Loading />;
  const c = customer.data;
  const scores = c.scores;
  const features = Object.entries(c.features ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <div className="page">
      <Link to="/customers" className="small">
        ← Customers
      </Link>
      <header className="page-header">
        <div>
          <h1>{c.name || c.email || c.id}</h1>
          <p className="muted">{[c.email, c.id].filter(Boolean).join(' · ')}</p>
        </div>
        {hasRole('admin') && <EraseCustomer id={c.id} />}
      </header>

      <div className="grid-2">
        <section className="card" aria-labelledby="scores-title">
          <h2 id="scores-title">Scores</h2>
          {scores ? (
            <>
              <dl className="stats">
                <div>
                  <dt>RFM</dt>
                  <dd>
                    {scores.recency ?? '—'}·{scores.frequency ?? '—'}·{scores.monetary ?? '—'}
                    {scores.rfmSegment && <div className="small muted">{scores.rfmSegment}</div>}
                  </dd>
                </div>
                <div>
                  <dt>Churn risk</dt>
                  <dd>{modelScore(scores.churnRisk)}</dd>
                </div>
                <div>
                  <dt>Purchase propensity</dt>
                  <dd>{modelScore(scores.purchasePropensity)}</dd>
                </div>
              </dl>
              {scores.reasons && scores.reasons.length > 0 && (
                <>
                  <h3>Why</h3>
                  <ul className="reasons" data-testid="score-reasons">
                    {scores.reasons.map((r, i) => (
                      <li key={i}>{reasonText(r)}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ) : (
            <Empty>Not scored yet: scores come with the next RFM refresh and once a model is trained (Models page).</Empty>
          )}
        </section>

        <section className="card" aria-labelledby="segments-title">
          <h2 id="segments-title">Segments</h2>
          {c.segments.length === 0 ? (
            <Empty>In no segment. Segments take customers in as their features match; see Segments for the conditions.</Empty>
          ) : (
            <ul className="plain-list">
              {c.segments.map((s) => (
                <li key={s.key}>
                  {canDesign ? <Link to={`/segments/${encodeURIComponent(s.key)}`}>{s.name || s.key}</Link> : <strong>{s.name || s.key}</strong>}
                  <span className="muted small"> since {formatDate(s.enteredAt)}</span>
                  {reasonsInWords(s.reasons).length > 0 && <div className="small">{reasonsInWords(s.reasons).join('; ')}</div>}
                </li>
              ))}
            </ul>
          )}
          {(c.tags?.length ?? 0) > 0 && (
            <>
              <h3 className="small">Tags from rules</h3>
              <ul className="plain-list" aria-label="Tags from rules">
                {c.tags!.map((t) => (
                  <li key={t.tag}>
                    <strong>{t.tag}</strong>
                    <span className="muted small">
                      {' '}
                      since {formatDate(t.addedAt)}, by {t.addedBy}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="instances-title">
        <h2 id="instances-title">Workflows</h2>
        {c.instances.length === 0 ? (
          <Empty>Not in any workflow. A published workflow starts when this customer enters its trigger segment or sends its event.</Empty>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Workflow</th>
                  <th scope="col">Status</th>
                  <th scope="col">At step</th>
                  <th scope="col">Branch</th>
                  <th scope="col">Started</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {c.instances.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.workflowId ? (
                        canDesign ? (
                          <Link to={`/workflows/${encodeURIComponent(i.workflowId)}`} title={i.workflowId}>
                            {workflowName(i.workflowId)}
                          </Link>
                        ) : (
                          workflowName(i.workflowId)
                        )
                      ) : (
                        <code>{i.id}</code>
                      )}{' '}
                      <span className="muted small">v{i.version}</span>
                    </td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>
                      <code>{i.currentActivityId ?? '—'}</code>
                      {i.wakeAt && <div className="muted small">wakes {formatRelative(i.wakeAt)}</div>}
                    </td>
                    <td>{i.branch ?? '—'}</td>
                    <td className="small">{formatDateTime(i.startedAt)}</td>
                    <td className="small">{formatDateTime(i.endedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        {c.actions.length === 0 ? <Empty>No actions for this customer.</Empty> : <ActionList actions={c.actions} workflowName={workflowName} />}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Event timeline</h2>
          {events.error ? <ErrorMessage error={events.error} onRetry={events.reload} /> : null}
          {!events.data && !events.error && <Loading />}
          {events.data && events.data.length === 0 && <Empty>No events.</Empty>}
          {events.data && events.data.length > 0 && <CustomerTimeline events={events.data} />}
        </section>

        <section className="card" aria-labelledby="features-title">
          <h2 id="features-title">Features</h2>
          {features.length === 0 ? (
            <Empty>No features yet.</Empty>
          ) : (
            <table className="table table-compact" data-testid="features-table">
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {features.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="normal">
                      {humanize(name)} <span className="muted small">{name}</span>
                    </th>
                    <td className="num">{formatValue(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}

function ActionList({ actions, workflowName }: { actions: ActionRecord[]; workflowName: (id: string) => string }) {
  return (
    <ul className="action-list">
      {actions.map((a) => (
        <li key={a.id} className="action-item" data-testid={`action-${a.id}`}>
          <div className="action-head">
            <code>{a.actionType}</code> <StatusBadge status={a.status} />
            <span className="muted small">
              {a.workflowId ? ` ${workflowName(a.workflowId)} v${a.workflowVersion ?? '?'} · ${a.activityId ?? ''}` : ''} · {formatDateTime(a.createdAt)}
              {a.budgetAffecting ? ` · est. ${formatMoney(a.estimatedCost)}` : ''}
              {a.attempts ? ` · ${a.attempts} attempt${a.attempts === 1 ? '' : 's'}` : ''}
            </span>
          </div>
          {a.guardResults && a.guardResults.length > 0 && (
            <ul className="guards" aria-label="Guard outcomes">
              {a.guardResults.map((g, i) => (
                <li key={i} className={g.passed ? 'guard-pass' : 'guard-fail'}>
                  <span aria-hidden="true">{g.passed ? '✓' : '✗'}</span> {humanize(g.guard)}: {g.passed ? 'passed' : 'stopped'}
                  {g.reason ? ` (${g.reason})` : ''}
                </li>
              ))}
            </ul>
          )}
          {a.lastError && <div className="field-problem">Last error: {a.lastError}</div>}
          {a.detail && <div className="small muted">{a.detail}</div>}
        </li>
      ))}
    </ul>
  );
}

/** A model's score, or "no model" where none has scored the customer (never shown as 0 %). */
function modelScore(value: number | null | undefined): string {
  return value === null || value === undefined ? 'no model' : formatPercent(value);
}
