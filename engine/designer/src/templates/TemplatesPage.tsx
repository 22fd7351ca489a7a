import { Link } from 'react-router';
import { templatesApi } from '../api';
import { formatDateTime } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';

/** The email template library: every email a workflow can send, with its subject and preview line. */
export function TemplatesPage() {
  const list = useAsync(() => templatesApi.list(), []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Email templates</h1>
          <p className="muted">The emails your workflows send. Each is personalized for the customer it goes to.</p>
        </div>
        <Link className="btn btn-primary" to="/templates/new" reloadDocument>
          New template
        </Link>
      </header>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty>No templates yet. Create one with “New template”, then pick it in a Send email step.</Empty>}
      {list.data && list.data.length > 0 && (
        <ul className="template-grid" data-testid="template-list">
          {list.data.map((t) => (
            <li key={t.key} className="card template-card" data-testid={`template-${t.key}`}>
              <h2 className="template-card-name">
                <Link to={`/templates/${encodeURIComponent(t.key)}`} reloadDocument>{t.name}</Link>
              </h2>
              <div className="template-card-subject">{t.subject}</div>
              {t.preheader && <div className="muted small">{t.preheader}</div>}
              <div className="muted small template-card-meta">
                Version {t.version} · {formatDateTime(t.updatedAt)}
                {t.builtIn && <span className="tag">shipped</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
