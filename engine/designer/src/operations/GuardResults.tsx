import type { GuardResult } from '../api';
import { humanize } from '../common/format';

/** The guards an action passed through before dispatch, folded away until asked for; a blocking guard shows in the summary. */
export function GuardResults({ results }: { results: GuardResult[] | undefined }) {
  if (!results || results.length === 0) return <span className="muted small">none run</span>;
  const blocked = results.find((r) => !r.passed);
  return (
    <details className="guard-results">
      <summary className="small">{blocked ? `Blocked by ${humanize(blocked.guard)}` : `${results.length} passed`}</summary>
      <ul className="small">
        {results.map((r, i) => (
          <li key={i}>
            <span className={r.passed ? 'ok-text' : 'warn-text'}>{r.passed ? '✓' : '✗'}</span> <strong>{humanize(r.guard)}</strong>
            {r.reason ? `: ${r.reason}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
