import { useState } from 'react';
import { ApiError, errorMessage, keysApi, type KeyScope, type NewApiKey, type ValidationProblem } from '../api';
import { FieldProblems } from './FieldProblems';
import { problemsFor } from './roles';

/** The admin creates a key with a label and a scope; the key is shown once, right here. */
export function NewKeyForm({ onCreated }: { onCreated: (key: NewApiKey) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('ingest');
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function create() {
    setSaving(true);
    setProblems([]);
    setError(null);
    try {
      const created = await keysApi.create(name.trim(), scope);
      setName('');
      onCreated(created);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0) setProblems(e.problems);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="key-form"
      aria-labelledby="new-key-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h3 id="new-key-title">Create a key</h3>
      <div className="field">
        <label htmlFor="new-key-name">
          Label<span className="req" aria-hidden="true"> *</span>
        </label>
        <input id="new-key-name" type="text" autoComplete="off" required value={name} placeholder="what will use it, e.g. web shop" onChange={(e) => setName(e.target.value)} />
        <FieldProblems messages={problemsFor(problems, 'name')} testId="new-key-name-problem" />
      </div>
      <div className="field">
        <label htmlFor="new-key-scope">Scope</label>
        <select id="new-key-scope" value={scope} onChange={(e) => setScope(e.target.value as KeyScope)}>
          <option value="ingest">Ingest: send events only</option>
          <option value="reporting">Reporting: read aggregate reports only</option>
        </select>
        <FieldProblems messages={problemsFor(problems, 'scope')} testId="new-key-scope-problem" />
      </div>
      {error && (
        <div className="field-problem" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={saving}>
        {saving ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}
