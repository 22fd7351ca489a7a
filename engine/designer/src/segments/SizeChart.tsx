import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { segmentsApi } from '../api';
import { formatDate, formatNumber } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';

export function SizeChart({ segmentKey, segmentName }: { segmentKey: string; segmentName: string }) {
  const history = useAsync(() => segmentsApi.history(segmentKey), [segmentKey]);
  if (history.error) return <ErrorMessage error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  if (history.data.length === 0) return <Empty>No size history yet: the size is recorded once a day by the RFM job (or now with POST /api/scores/refresh).</Empty>;
  return (
    <figure className="chart" data-testid="segment-size-chart" aria-label={`Size of ${segmentName} over time`}>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart title={`Size of ${segmentKey} over time`} data={history.data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} fontSize={11} minTickGap={24} />
          <YAxis fontSize={11} width={48} tickFormatter={(n: number) => formatNumber(n)} allowDecimals={false} />
          <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(n) => [formatNumber(Number(n)), 'Members']} />
          <Line type="monotone" dataKey="size" stroke="#2563eb" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {history.data.map((p) => `${formatDate(p.date)}: ${formatNumber(p.size)}`).join('; ')}
      </figcaption>
    </figure>
  );
}
