import { useState, type FormEvent } from 'react';
import { errorMessage, modelsApi } from '../api';
import { formatDateTime, formatNumber } from '../common/format';

/** Admins train a churn or purchase model from stored history; an activated version scores every profile before the answer. */
export function TrainForm({ onTrained }: { onTrained: (message: string) => void }) {
  const [target, setTarget] = useState('churn');
  const [horizon, setHorizon] = useState(90);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function train(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const r = await modelsApi.train({ target, horizonDays: horizon, force });
      const scored = r.active ? ` ${formatNumber(r.scored)} profiles scored as of ${formatDateTime(r.scoredAsOf)}.` : '';
      onTrained(`Version ${r.version}: ROC AUC ${r.metrics.model.auc.toFixed(3)} vs RFM baseline ${r.metrics.baseline?.auc.toFixed(3) ?? '—'}; ${r.decision}.${scored}`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="train-title">
      <h2 id="train-title">Train from stored history</h2>
      <form className="inline-form" onSubmit={(e) => void train(e)}>
        <label htmlFor="train-target">Model</label>
        <select id="train-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="churn">Churn (no purchase within the horizon)</option>
          <option value="purchase">Purchase propensity</option>
        </select>
        <label htmlFor="train-horizon">Horizon (days)</label>
        <input id="train-horizon" type="number" min={1} max={365} value={horizon} onChange={(e) => setHorizon(Number(e.target.value))} />
        <label>
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Activate even if it does not beat the active version
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Training and scoring…' : 'Train'}
        </button>
      </form>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
    </section>
  );
}
