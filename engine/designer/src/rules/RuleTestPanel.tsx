import { useState } from 'react';
import type { RuleSetEvaluation, RuleSetTrialSubject } from '../api';
import { PreviewCustomerPicker } from '../templates/PreviewCustomerPicker';

interface RuleTestPanelProps {
  busy: boolean;
  result: RuleSetEvaluation | null;
  /** The rules changed since the result was computed. */
  stale: boolean;
  error: string;
  onRun: (subject: RuleSetTrialSubject) => void;
}

const factsExample = '{\n  "features": { "cartAdds30d": 2, "daysInactive": 20 },\n  "scores": { "churnRisk": 0.8 }\n}';

/** Runs the rule set as drafted (nothing saved) on a customer or on pasted facts and shows which rules fired and why. */
export function RuleTestPanel({ busy, result, stale, error, onRun }: RuleTestPanelProps) {
  const [source, setSource] = useState<'customer' | 'facts'>('customer');
  const [customerId, setCustomerId] = useState('');
  const [facts, setFacts] = useState(factsExample);
  const [factsError, setFactsError] = useState('');
  const run = () => {
    if (source === 'customer') return onRun({ customerId });
    try {
      setFactsError('');
      onRun({ facts: JSON.parse(facts) as { features?: unknown; scores?: unknown } });
    } catch {
      setFactsError('The facts are not JSON: {"features": {...}, "scores": {...}}');
    }
  };
  return (
    <section className="card rule-test" aria-labelledby="rule-test-title">
      <h2 id="rule-test-title">Test</h2>
      <p className="muted small">Runs the rules as they are on screen, without saving; nothing is sent or started.</p>
      <div className="button-row" role="radiogroup" aria-label="Test on">
        <label>
          <input type="radio" name="rule-test-source" checked={source === 'customer'} onChange={() => setSource('customer')} /> A customer
        </label>
        <label>
          <input type="radio" name="rule-test-source" checked={source === 'facts'} onChange={() => setSource('facts')} /> Pasted facts
        </label>
      </div>
      {source === 'customer' ? (
        <PreviewCustomerPicker value={customerId} onChange={setCustomerId} label="Test customer" />
      ) : (
        <div className="field">
          <label htmlFor="rule-test-facts">Facts (JSON)</label>
          <textarea id="rule-test-facts" rows={6} spellCheck={false} value={facts} onChange={(e) => setFacts(e.target.value)} />
        </div>
      )}
      <button type="button" className="btn" disabled={busy || (source === 'customer' && !customerId)} onClick={run}>
        Run test
      </button>
      {(error || factsError) && (
        <div className="alert alert-error" role="alert" data-testid="rule-test-error">
          {factsError || error}
        </div>
      )}
      {result && stale && (
        <p className="muted small" data-testid="rule-test-stale">
          The rules changed since this test: run it again.
        </p>
      )}
      {result && <TestResult result={result} />}
    </section>
  );
}

function TestResult({ result }: { result: RuleSetEvaluation }) {
  const values = Object.entries(result.values);
  return (
    <div className="rule-test-result" data-testid="rule-test-result" aria-live="polite">
      <p data-testid="rule-test-port">
        Decision: <strong>{result.port === 'none' ? 'no rule fired (port none)' : `leaves by ${result.port}`}</strong>
        {result.output ? ` → ${result.output}` : ''}
      </p>
      {result.suppressedBy && (
        <p className="alert alert-warn" data-testid="rule-test-suppressed">
          Suppressed by {result.suppressedBy}: {result.suppression}
        </p>
      )}
      {values.length > 0 && (
        <p data-testid="rule-test-values">
          Values: {values.map(([k, v]) => `${k} = ${v}`).join(', ')}
        </p>
      )}
      <h3 className="small">Rules that fired, in order</h3>
      {result.fired.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ol className="rule-fired" data-testid="rule-test-fired">
          {result.fired.map((f, i) => (
            <li key={i}>
              <strong>{f.rule}</strong>
              {f.matched.length > 0 && <span className="muted"> because {f.matched.join(', ')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
