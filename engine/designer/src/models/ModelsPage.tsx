import { useState } from 'react';
import { errorMessage, modelsApi, type ScoreModelSummary } from '../api';
import { useAuth } from '../auth/AuthContext';
import { Dialog } from '../common/Dialog';
import { formatDate, formatDateTime, formatNumber, humanize } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { CustomerScoreLookup } from './CustomerScoreLookup';
import { ModelVersionDetail } from './ModelVersionDetail';
import { TrainForm } from './TrainForm';

/** Every score model's versions, the chosen version's evaluation and drift, activation and roll back (admins). */
export function ModelsPage() {
  const models = useAsync(() => modelsApi.list(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ScoreModelSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { hasRole } = useAuth();
  const admin = hasRole('admin');

  if (models.error) return <ErrorMessage error={models.error} onRetry={models.reload} title="The models could not be loaded" />;
  if (!models.data) return <Loading />;
  const all = models.data;
  const scores = [...new Set(all.map((m) => m.score))];
  const shown = all.find((m) => m.id === selected) ?? all.find((m) => m.active) ?? all[0];

  async function activate(model: ScoreModelSummary) {
    setBusy(true);
    setFailure(null);
    try {
      const done = await modelsApi.activate(model.id);
      setNotice(`${humanize(done.score)} version ${done.version} is active; ${formatNumber(done.scored)} profiles re-scored as of ${formatDateTime(done.scoredAsOf)}.`);
      setConfirming(null);
      setSelected(model.id);
      models.reload();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Models</h1>
          <p className="muted">Churn and purchase models: each version measured on a later holdout next to the RFM-only baseline.</p>
        </div>
      </header>
      {notice && (
        <div className="notice-line" role="status" data-testid="models-notice">
          {notice}
        </div>
      )}
      {all.length === 0 && <Empty>No model yet: train one below or with `automation train churn --horizon 90d`.</Empty>}
      {admin && (
        <TrainForm
          onTrained={(message) => {
            setNotice(message);
            setSelected(null);
            models.reload();
          }}
        />
      )}
      {scores.map((score) => {
        const versions = all.filter((m) => m.score === score);
        const active = versions.find((m) => m.active);
        return (
          <section className="card" key={score} aria-labelledby={`versions-${score}`} data-testid={`versions-${score}`}>
            <h2 id={`versions-${score}`}>{humanize(score)}</h2>
            <div className="table-wrap" tabIndex={0}>
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th>Version</th>
                    <th>Model</th>
                    <th className="num">ROC AUC</th>
                    <th className="num">RFM baseline</th>
                    <th>Trained</th>
                    <th>Status</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {versions.map((m) => (
                    <tr key={m.id} data-testid={`version-${score}-${m.version}`} aria-current={m.id === shown?.id ? 'true' : undefined}>
                      <td>
                        <button type="button" className="btn-link" onClick={() => setSelected(m.id)}>
                          Version {m.version}
                        </button>
                      </td>
                      <td>{m.metrics?.chosen ?? m.kind}</td>
                      <td className="num">{m.metrics ? m.metrics.model.auc.toFixed(3) : '—'}</td>
                      <td className="num">{m.metrics?.baseline ? m.metrics.baseline.auc.toFixed(3) : '—'}</td>
                      <td className="small">{formatDate(m.createdAt)}</td>
                      <td>{m.active ? <span className="badge badge-ok">active</span> : <span className="muted small">saved</span>}</td>
                      <td>
                        {admin && !m.active && (
                          <button type="button" className="btn btn-small" onClick={() => setConfirming(m)}>
                            {active && m.version < active.version ? `Roll back to version ${m.version}` : `Activate version ${m.version}`}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {shown && <ModelVersionDetail key={shown.id} id={shown.id} />}
      <CustomerScoreLookup />
      <Dialog
        open={confirming !== null}
        title={`Score with version ${confirming?.version ?? ''}?`}
        onClose={() => setConfirming(null)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => confirming && void activate(confirming)}>
              {busy ? 'Re-scoring…' : 'Make it active'}
            </button>
          </>
        }
      >
        <p>
          Every profile is re-scored with {humanize(confirming?.score ?? '')} version {confirming?.version} now, with its reasons; threshold crossings are
          published as usual.
        </p>
        {failure && <div className="alert alert-error" role="alert">{failure}</div>}
      </Dialog>
    </div>
  );
}
