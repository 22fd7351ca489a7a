import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, modelsApi, type TrainingJob, type TrainingResult } from '../api';
import { formatDateTime, formatNumber } from '../common/format';
import { TrainingProgress } from './TrainingProgress';

const PollEvery = 500;

/**
 * Admins train a churn or purchase model from stored history. The run goes on in the engine while the form shows its
 * stage and, once a version is activated, the profiles scored so far; leaving the page does not stop it.
 */
export function TrainForm({ onTrained }: { onTrained: (message: string) => void }) {
  const [target, setTarget] = useState('churn');
  const [horizon, setHorizon] = useState(90);
  const [force, setForce] = useState(false);
  const [job, setJob] = useState<TrainingJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const busy = job !== null && !job.finishedAt;

  async function follow(started: TrainingJob) {
    let current = started;
    while (alive.current && !current.finishedAt) {
      await new Promise((resolve) => setTimeout(resolve, PollEvery));
      current = await modelsApi.trainingStatus(current.id);
      if (alive.current) setJob(current);
    }

    if (current.result) onTrained(summary(current.result));
    else if (current.error) setFailure(current.description);
  }

  async function train(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    try {
      const started = await modelsApi.startTraining({ target, horizonDays: horizon, force });
      setJob(started);
      await follow(started);
    } catch (err) {
      setFailure(errorMessage(err));
      setJob(null);
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
          {busy ? 'Training…' : 'Train'}
        </button>
      </form>
      {job && <TrainingProgress job={job} />}
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
    </section>
  );
}

function summary(r: TrainingResult): string {
  const scored = r.active ? ` ${formatNumber(r.scored)} profiles scored as of ${formatDateTime(r.scoredAsOf)}.` : '';
  return `Version ${r.version}: ROC AUC ${r.metrics.model.auc.toFixed(3)} vs RFM baseline ${r.metrics.baseline?.auc.toFixed(3) ?? '—'}; ${r.decision}.${scored}`;
}
