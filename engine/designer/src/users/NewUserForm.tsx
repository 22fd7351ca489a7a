import { useState } from 'react';
import { ApiError, errorMessage, usersApi, type NewUser, type UserAccount, type ValidationProblem } from '../api';
import { FieldProblems } from './FieldProblems';
import { RoleChecks } from './RoleChecks';
import { problemsFor } from './roles';

const blank: NewUser = { email: '', displayName: '', password: '', roles: [] };

/** The admin adds a person: email, name, a first password they pass on, and roles. */
export function NewUserForm({ onCreated }: { onCreated: (user: UserAccount) => void }) {
  const [draft, setDraft] = useState<NewUser>(blank);
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<NewUser>) => setDraft((d) => ({ ...d, ...patch }));

  async function create() {
    setSaving(true);
    setProblems([]);
    setError(null);
    try {
      const created = await usersApi.create({ ...draft, email: draft.email.trim(), displayName: draft.displayName.trim() });
      setDraft(blank);
      onCreated(created);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0) setProblems(e.problems);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const emailProblems = problemsFor(problems, 'email');
  const passwordProblems = problemsFor(problems, 'password');
  return (
    <form
      className="card user-form"
      aria-labelledby="new-user-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2 id="new-user-title">Add a user</h2>
      <div className="field">
        <label htmlFor="new-user-email">
          Email<span className="req" aria-hidden="true"> *</span>
        </label>
        <input
          id="new-user-email"
          type="email"
          autoComplete="off"
          required
          value={draft.email}
          aria-invalid={emailProblems.length > 0 || undefined}
          onChange={(e) => set({ email: e.target.value })}
        />
        <FieldProblems messages={emailProblems} testId="new-user-email-problem" />
      </div>
      <div className="field">
        <label htmlFor="new-user-name">Display name</label>
        <input id="new-user-name" type="text" autoComplete="off" value={draft.displayName} onChange={(e) => set({ displayName: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="new-user-password">
          First password<span className="req" aria-hidden="true"> *</span>
        </label>
        <input
          id="new-user-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={draft.password}
          aria-invalid={passwordProblems.length > 0 || undefined}
          aria-describedby="new-user-password-help"
          onChange={(e) => set({ password: e.target.value })}
        />
        <span id="new-user-password-help" className="field-help">
          At least 8 characters. Pass it on privately; you can set a new one later.
        </span>
        <FieldProblems messages={passwordProblems} testId="new-user-password-problem" />
      </div>
      <RoleChecks idPrefix="new-user" value={draft.roles} onChange={(roles) => set({ roles })} problems={problemsFor(problems, 'roles')} />
      {error && (
        <div className="alert alert-error" role="alert" data-testid="new-user-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
