import { useState } from 'react';
import { Link } from 'react-router';
import type { SimulationResult } from '../api';
import { formatMoney, formatNumber, formatPercent } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import type { PanelWords } from './stepWords';

interface DryRunPanelProps {
  result: SimulationResult | null;
  running: boolean;
  error: unknown;
  days: number;
  onDaysChange: (days: number) => void;
  onRun: () => void;
  onClear: () => void;
  words: PanelWords;
}

export function DryRunPanel({ result, running, error, days, onDaysChange, onRun, onClear, words }: DryRunPanelProps) {
  const [daysText, setDaysText] = useState(String(days));
  return (
    <div className="props-section" data-testid="dry-run-panel">
      <h2>Dry run</h2>
      <p className="muted small">Replays stored history through this design (unsaved changes included). Nothing is sent.</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onRun();
        }}
      >
        <label className="field field-inline">
          <span>Days of history</span>
          <input
            type="number"
            min={1}
            max={365}
            value={daysText}
            onChange={(e) => {
              setDaysText(e.target.value);
              const n = Math.trunc(Number(e.target.value));
              if (n > 0) onDaysChange(n);
            }}
          />
        </label>
        <button type="submit" className="btn btn-small" disabled={running}>
          Run again
        </button>
        {result && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
            Clear counts
          </button>
        )}
      </form>
      {running && <Loading label="Running the dry run…" />}
      {error !== undefined && error !== null && <ErrorMessage error={error} title="The dry run failed" />}
      {result && !running && (
        <div className="dry-run-result" data-testid="dry-run-result">
          <dl className="stats">
            <div>
              <dt>Customers evaluated</dt>
              <dd>{formatNumber(result.customersEvaluated)}</dd>
            </div>
            <div>
              <dt>Would enter</dt>
              <dd data-testid="dry-run-entered">
                {formatNumber(result.customersEntered)}
                {result.customersEvaluated > 0 && <span className="muted small"> ({formatPercent(result.customersEntered / result.customersEvaluated)})</span>}
              </dd>
            </div>
            <div>
              <dt>Estimated spend</dt>
              <dd data-testid="dry-run-spend">{formatMoney(result.estimatedSpend)}</dd>
            </div>
            <div>
              <dt>Would need approval</dt>
              <dd data-testid="dry-run-approvals">{formatNumber(result.approvalsNeeded)}</dd>
            </div>
            {result.alreadyAtGoal != null && (
              <div>
                <dt>Already at the goal</dt>
                <dd data-testid="dry-run-at-goal">
                  {formatNumber(result.alreadyAtGoal)}
                  <span className="muted small"> (they would convert as soon as they enter)</span>
                </dd>
              </div>
            )}
          </dl>
          <h3>Actions</h3>
          {result.actions.length === 0 ? (
            <p className="muted small">No action would run.</p>
          ) : (
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col" className="num">
                    Count
                  </th>
                  <th scope="col" className="num">
                    Need approval
                  </th>
                  <th scope="col" className="num">
                    Est. cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.actions.map((a) => (
                  <tr key={a.actionType}>
                    <td>
                      {words.action(a.actionType)}
                    </td>
                    <td className="num">{formatNumber(a.count)}</td>
                    <td className="num">{formatNumber(a.needingApproval)}</td>
                    <td className="num">{formatMoney(a.estimatedCost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Sample customers per branch</h3>
          {Object.keys(result.samples ?? {}).length === 0 ? (
            <p className="muted small">No samples.</p>
          ) : (
            <ul className="samples">
              {Object.entries(result.samples).map(([branch, customers]) => {
                const [activityId, port] = branch.split(':');
                return (
                  <li key={branch}>
                    <div>
                      {words.step(activityId)} → <strong>{words.port(port ?? '')}</strong> <span className="muted small">({customers.length})</span>
                    </div>
                    <div className="sample-customers">
                      {customers.slice(0, 5).map((c) => (
                        <Link key={c} to={`/customers/${encodeURIComponent(c)}`}>
                          {c}
                        </Link>
                      ))}
                      {customers.length > 5 && <span className="muted small">+{customers.length - 5} more</span>}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <p className="muted small">Counts are drawn on the canvas: on each step, and on each port.</p>
        </div>
      )}
    </div>
  );
}
