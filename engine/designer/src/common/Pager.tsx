import { formatNumber } from './format';

export function Pager({ skip, take, total, onChange, label }: { skip: number; take: number; total: number; onChange: (skip: number) => void; label: string }) {
  const from = total === 0 ? 0 : skip + 1;
  const to = Math.min(skip + take, total);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="btn btn-small" disabled={skip === 0} onClick={() => onChange(Math.max(0, skip - take))}>
        Previous page
      </button>
      <span>
        {formatNumber(from)}–{formatNumber(to)} of {formatNumber(total)}
      </span>
      <button type="button" className="btn btn-small" disabled={skip + take >= total} onClick={() => onChange(skip + take)}>
        Next page
      </button>
    </nav>
  );
}
