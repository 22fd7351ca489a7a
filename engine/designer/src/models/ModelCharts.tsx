import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BinaryMetrics, CalibrationBucket } from '../api';
import { formatPercent } from '../common/format';

const axis = { fontSize: 11 };
const fixed = (n: number) => n.toFixed(2);

/** ROC curves of the chosen model and the RFM baseline on the same holdout customers, with chance as the diagonal. */
export function RocChart({ model, baseline }: { model: BinaryMetrics; baseline?: BinaryMetrics | null }) {
  const series = [
    { name: `Model (AUC ${model.auc.toFixed(3)})`, points: model.roc ?? [], color: '#2563eb' },
    ...(baseline ? [{ name: `RFM baseline (AUC ${baseline.auc.toFixed(3)})`, points: baseline.roc ?? [], color: '#9ca3af' }] : []),
  ];
  return (
    <figure className="chart" data-testid="roc-chart" aria-label="ROC curve">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis type="number" dataKey="falsePositiveRate" domain={[0, 1]} tickFormatter={fixed} {...axis} label={{ value: 'false positive rate', position: 'insideBottom', offset: -4, fontSize: 11 }} />
          <YAxis type="number" dataKey="truePositiveRate" domain={[0, 1]} tickFormatter={fixed} width={40} {...axis} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#d1d5db" strokeDasharray="4 4" />
          <Tooltip formatter={(n) => fixed(Number(n))} labelFormatter={(x) => `false positive rate ${fixed(Number(x))}`} />
          <Legend verticalAlign="top" height={24} />
          {series.map((s) => (
            <Line key={s.name} name={s.name} data={s.points} dataKey="truePositiveRate" stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{series.map((s) => s.name).join('; ')}</figcaption>
    </figure>
  );
}

/** Mean predicted against observed rate per decile of customers; a calibrated model sits on the diagonal. */
export function CalibrationChart({ deciles }: { deciles: CalibrationBucket[] }) {
  return (
    <figure className="chart" data-testid="calibration-chart" aria-label="Calibration plot">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={deciles} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis type="number" dataKey="meanPredicted" domain={[0, 1]} tickFormatter={fixed} {...axis} label={{ value: 'predicted', position: 'insideBottom', offset: -4, fontSize: 11 }} />
          <YAxis type="number" domain={[0, 1]} tickFormatter={fixed} width={40} {...axis} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#d1d5db" strokeDasharray="4 4" />
          <Tooltip formatter={(n) => formatPercent(Number(n))} labelFormatter={(x) => `predicted ${formatPercent(Number(x))}`} />
          <Line name="observed" dataKey="observedRate" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {deciles.map((d, i) => `decile ${i + 1}: predicted ${formatPercent(d.meanPredicted)}, observed ${formatPercent(d.observedRate)}`).join('; ')}
      </figcaption>
    </figure>
  );
}

/** Each decile's positive rate over the overall rate, highest scores first: how much better than picking at random. */
export function LiftChart({ metrics }: { metrics: BinaryMetrics }) {
  const overall = metrics.customers === 0 ? 0 : metrics.positives / metrics.customers;
  const data = [...(metrics.deciles ?? [])].reverse().map((d, i) => ({ decile: `${i + 1}`, lift: overall === 0 ? 0 : d.observedRate / overall }));
  return (
    <figure className="chart" data-testid="lift-chart" aria-label="Lift chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="decile" {...axis} label={{ value: 'decile (highest scores first)', position: 'insideBottom', offset: -4, fontSize: 11 }} />
          <YAxis tickFormatter={fixed} width={40} {...axis} />
          <ReferenceLine y={1} stroke="#9ca3af" strokeDasharray="4 4" />
          <Tooltip formatter={(n) => [`${fixed(Number(n))}×`, 'lift']} />
          <Bar dataKey="lift" fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{data.map((d) => `decile ${d.decile}: lift ${fixed(d.lift)}`).join('; ')}</figcaption>
    </figure>
  );
}
