import { useState } from 'react';
import { ApiError, errorMessage, operationsApi, type Suppression, type ValidationProblem } from '../api';
import { FieldProblems } from '../users/FieldProblems';
import { problemsFor } from '../users/roles';

type Kind = 'email' | 'customerId';

/** Adds an email address or a customer id to the suppression list; the server's problems show under their fields. */
export function SuppressionForm({ onAdded }: { onAdded: (entry: Suppression) => void }) {
  const [kind, setKind] = useState<Kind>('email');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function add() {
    setSaving(true);
    setProblems([]);
    setError(null);
    try {
      const entry = await operationsApi.addSuppression({ [kind]: value.trim(), reason: reason.trim() });
      setValue('');
      setReason('');
      onAdded(entry);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0) setProblems(e.problems);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  // The API names "email" when neither or both are given: that belongs under whichever field is shown.
  const valueProblems = [...problemsFor(problems, kind), ...(kind === 'customerId' ? problemsFor(problems, 'email') : [])];
  const reasonProblems = problemsFor(problems, 'reason');
  return (
    <form
      className="card user-form"
      aria-labelledby="new-suppression-title"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h2 id="new-suppression-title">Suppress</h2>
      <fieldset className="fieldset">
        <legend>What to suppress</legend>
        <div className="field-check">
          <label>
            <input type="radio" name="suppression-kind" checked={kind === 'email'} onChange={() => setKind('email')} />
            An email address
          </label>
        </div>
        <div className="field-check">
          <label>
            <input type="radio" name="suppression-kind" checked={kind === 'customerId'} onChange={() => setKind('customerId')} />
            A customer id
          </label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="suppression-value">{kind === 'email' ? 'Email address' : 'Customer id'}</label>
        <input
          id="suppression-value"
          type="text"
          autoComplete="off"
          value={value}
          aria-invalid={valueProblems.length > 0 || undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <FieldProblems messages={valueProblems} testId="suppression-value-problem" />
      </div>
      <div className="field">
        <label htmlFor="suppression-reason">Reason</label>
        <input
          id="suppression-reason"
          type="text"
          autoComplete="off"
          value={reason}
          placeholder="e.g. asked by phone not to be emailed"
          aria-invalid={reasonProblems.length > 0 || undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <FieldProblems messages={reasonProblems} testId="suppression-reason-problem" />
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="suppression-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add to suppression list'}
        </button>
      </div>
    </form>
  );
}
