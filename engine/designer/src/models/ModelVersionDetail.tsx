import { modelsApi, type BinaryMetrics } from '../api';
import { formatDate, formatNumber, formatPercent, humanize } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { CalibrationChart, LiftChart, RocChart } from './ModelCharts';

const f3 = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(3));

/** One version's evaluation against the baseline (ROC, calibration, lift) and its drift: scores by day, inputs now. */
export function ModelVersionDetail({ id }: { id: string }) {
  const detail = useAsync(() => modelsApi.get(id), [id]);
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} title="The version could not be loaded" />;
  if (!detail.data) return <Loading />;
  const { model, driftHistory, featureDrift } = detail.data;
  const m = model.metrics;
  return (
    <>
      <section className="card" aria-labelledby="evaluation-title" data-testid="model-evaluation">
        <h2 id="evaluation-title">
          {humanize(model.score)} version {model.version}
          {model.active ? ' (active)' : ''}: evaluation
        </h2>
        {!m ? (
          <p className="muted">A brought ONNX model: no holdout evaluation was made here.</p>
        ) : (
          <>
            <p className="muted small">
              Trained on {formatNumber(m.trainCustomers)} customers as of {formatDate(m.trainCutoff)}; {formatNumber(m.calibrationCustomers)} customers as of{' '}
              {formatDate(m.holdoutCutoff)} calibrated the probabilities and {formatNumber(m.model.customers)} others measured them over {model.horizonDays} days.
              Chosen: {m.chosen}.
            </p>
            <div className="table-wrap" tabIndex={0}>
              <table className="table table-compact" data-testid="evaluation-table">
                <thead>
                  <tr>
                    <th>Holdout</th>
                    <th className="num">Model</th>
                    <th className="num">RFM baseline</th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ['ROC AUC', (x) => x.auc],
                      ['PR AUC', (x) => x.prAuc],
                      ['Top-decile lift', (x) => x.topDecileLift],
                      ['Top-decile capture', (x) => x.topDecileCapture],
                    ] as [string, (x: BinaryMetrics) => number][]
                  ).map(([label, read]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td className="num">{f3(read(m.model))}</td>
                      <td className="num">{m.baseline ? f3(read(m.baseline)) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="grid-2">
              <RocChart model={m.model} baseline={m.baseline} />
              <CalibrationChart deciles={m.model.deciles ?? []} />
            </div>
            <div className="grid-2">
              <LiftChart metrics={m.model} />
              <div className="table-wrap" tabIndex={0}>
                <table className="table table-compact" data-testid="calibration-table">
                  <caption className="small muted">Calibration by decile (ten equal groups by score)</caption>
                  <thead>
                    <tr>
                      <th>Decile</th>
                      <th className="num">Customers</th>
                      <th className="num">Predicted</th>
                      <th className="num">Observed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(m.model.deciles ?? []).map((d, i) => (
                      <tr key={i}>
                        <td>{i + 1}</td>
                        <td className="num">{formatNumber(d.customers)}</td>
                        <td className="num">{formatPercent(d.meanPredicted)}</td>
                        <td className="num">{formatPercent(d.observedRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="drift-title" data-testid="model-drift">
        <h2 id="drift-title">Drift</h2>
        <p className="muted small">
          Scores: {driftHistory.length === 0 ? 'not measured yet (the daily check runs once the host has been up a while).' : driftHistory.map((d) => `${formatDate(d.day)} PSI ${d.psi.toFixed(3)}`).join(' · ')}
        </p>
        {model.drift?.warning && <div className="alert alert-warn">{model.drift.warning}</div>}
        <p className="muted small">
          Inputs as of {formatDate(featureDrift.asOf)} over {formatNumber(featureDrift.customers)} customers, against their training values (PSI above 0.2 is a real shift):
        </p>
        <div className="table-wrap" tabIndex={0}>
          <table className="table table-compact" data-testid="feature-drift">
            <thead>
              <tr>
                <th>Input</th>
                <th className="num">Training mean</th>
                <th className="num">Now</th>
                <th className="num">PSI</th>
              </tr>
            </thead>
            <tbody>
              {featureDrift.features.map((x) => (
                <tr key={x.name} data-testid={`feature-drift-${x.name}`}>
                  <td>{humanize(x.name)}</td>
                  <td className="num">{f3(x.trainingMean)}</td>
                  <td className="num">{f3(x.currentMean)}</td>
                  <td className="num">{x.psi === null || x.psi === undefined ? '—' : x.psi.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
