import { segmentsApi } from '../api';
import { formatNumber } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';

const scores = [1, 2, 3, 4, 5];

/** 5×5 heat map: recency (rows, 5 = most recent) by frequency (columns, 5 = most frequent). */
export function RfmGrid() {
  const grid = useAsync(() => segmentsApi.rfmGrid(), []);
  if (grid.error) return <ErrorMessage error={grid.error} onRetry={grid.reload} title="The RFM grid could not be loaded" />;
  if (!grid.data) return <Loading />;

  const count = (r: number, f: number) => grid.data!.cells.find((c) => c.recency === r && c.frequency === f)?.count ?? 0;
  const max = Math.max(1, ...grid.data.cells.map((c) => c.count));
  const total = grid.data.cells.reduce((sum, c) => sum + c.count, 0);

  return (
    <div className="rfm">
      <table className="rfm-grid" data-testid="rfm-grid">
        <caption className="visually-hidden">Customers by recency and frequency score</caption>
        <thead>
          <tr>
            <th scope="col" className="rfm-corner">
              <span className="small muted">Recency ↓ / Frequency →</span>
            </th>
            {scores.map((f) => (
              <th key={f} scope="col">
                F{f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scores].reverse().map((r) => (
            <tr key={r}>
              <th scope="row">R{r}</th>
              {scores.map((f) => {
                const n = count(r, f);
                const share = n / max;
                return (
                  <td
                    key={f}
                    className={share > 0.55 ? 'hot' : undefined}
                    style={{ backgroundColor: `rgba(37, 99, 235, ${0.06 + share * 0.84})` }}
                    title={`Recency ${r}, frequency ${f}: ${formatNumber(n)} customers`}
                    data-testid={`rfm-${r}-${f}`}
                  >
                    {formatNumber(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {formatNumber(total)} customers. Top-right (R5 F5) are recent, frequent buyers; bottom-left (R1 F1) have gone quiet.
      </p>
    </div>
  );
}
