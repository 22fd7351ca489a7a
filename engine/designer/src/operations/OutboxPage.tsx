import { useState } from 'react';
import { Link } from 'react-router';
import { operationsApi } from '../api';
import { formatDateTime, formatRelative } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';

const pluginNames: Record<string, string> = { Email: 'Email', SalesAlert: 'Sales alert', ApprovalDigest: 'Approval digest' };

/**
 * The built-in outbox, like a mail catcher: with no SMTP server configured, emails and sales alerts are kept here
 * instead of failing, so a demo shows what customers and the sales team would receive.
 */
export function OutboxPage() {
  const list = useAsync(() => operationsApi.outbox(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = selected ?? list.data?.emails[0]?.id ?? null;

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Outbox</h1>
          <p className="muted">
            No SMTP server is configured, so emails, sales alerts and approval digests are kept here instead of being sent. Set{' '}
            <code>Automation:Plugins:Email:Smtp:Host</code> to deliver them.
          </p>
        </div>
        <button type="button" className="btn" onClick={list.reload}>
          Refresh
        </button>
      </header>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.emails.length === 0 && (
        <Empty>
          The outbox is empty. Emails land here when a published workflow sends one; open <Link to="/workflows">Workflows</Link> to publish one, or
          send a test from <Link to="/templates">Emails</Link>.
        </Empty>
      )}
      {list.data && list.data.emails.length > 0 && (
        <div className="outbox-layout">
          <section className="card outbox-list" aria-labelledby="outbox-list-title">
            <h2 id="outbox-list-title">
              {list.data.total} {list.data.total === 1 ? 'email' : 'emails'}
            </h2>
            <ul className="plain-list" data-testid="outbox-list">
              {list.data.emails.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className={e.id === chosen ? 'outbox-item selected' : 'outbox-item'}
                    aria-pressed={e.id === chosen}
                    onClick={() => setSelected(e.id)}
                  >
                    <span className="outbox-subject">{e.subject}</span>
                    <span className="small muted">
                      To {e.toName ? `${e.toName} <${e.toAddress}>` : e.toAddress} · {pluginNames[e.plugin] ?? e.plugin} · {formatRelative(e.caughtAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {chosen && <OutboxMessage id={chosen} />}
        </div>
      )}
    </div>
  );
}

function OutboxMessage({ id }: { id: string }) {
  const email = useAsync(() => operationsApi.outboxEmail(id), [id]);
  if (email.error) return <ErrorMessage error={email.error} onRetry={email.reload} />;
  if (!email.data) return <Loading />;
  const e = email.data;
  return (
    <section className="card outbox-message" aria-labelledby="outbox-message-title" data-testid="outbox-message">
      <h2 id="outbox-message-title">{e.subject}</h2>
      <dl className="outbox-headers small">
        {[
          ['From', `${e.fromName} <${e.fromAddress}>`],
          ['To', e.toName ? `${e.toName} <${e.toAddress}>` : e.toAddress],
          ['Kept', formatDateTime(e.caughtAt)],
          ...Object.entries(e.headers),
        ].map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {e.html ? (
        // Sandboxed without scripts: the email's HTML is shown as a mail client would, never run.
        <iframe className="outbox-frame" title={`Email: ${e.subject}`} sandbox="" srcDoc={e.html} />
      ) : (
        <pre className="outbox-text">{e.text}</pre>
      )}
    </section>
  );
}
