import { useState } from 'react';
import { ApiError, errorMessage, usersApi, type Role, type UserAccount, type UserChange, type ValidationProblem } from '../api';
import { Dialog } from '../common/Dialog';
import { FieldProblems } from './FieldProblems';
import { RoleChecks } from './RoleChecks';
import { problemsFor } from './roles';

interface EditUserDialogProps {
  user: UserAccount;
  /** The signed-in admin editing their own account keeps the admin role (the server refuses otherwise). */
  isSelf: boolean;
  onSaved: (user: UserAccount) => void;
  onClose: () => void;
}

/** Changes a person's name, roles or password; only what changed is sent. */
export function EditUserDialog({ user, isSelf, onSaved, onClose }: EditUserDialogProps) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const change: UserChange = {};
    if (displayName.trim() !== user.displayName) change.displayName = displayName;
    if (roles.join(',') !== user.roles.join(',')) change.roles = roles;
    if (password) change.password = password;
    setSaving(true);
    setProblems([]);
    setError(null);
    try {
      onSaved(await usersApi.change(user.email, change));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0) setProblems(e.problems);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const passwordProblems = problemsFor(problems, 'password');
  return (
    <Dialog
      open
      title={`Edit ${user.email}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="edit-user-form" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </>
      }
    >
      <form
        id="edit-user-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="edit-user-name">Display name</label>
          <input id="edit-user-name" type="text" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <FieldProblems messages={problemsFor(problems, 'displayName')} />
        </div>
        <RoleChecks
          idPrefix="edit-user"
          value={roles}
          onChange={setRoles}
          problems={problemsFor(problems, 'roles')}
          locked={isSelf && user.roles.includes('admin') ? { role: 'admin', reason: 'your own account keeps admin; another admin can remove it' } : undefined}
        />
        <div className="field">
          <label htmlFor="edit-user-password">New password</label>
          <input
            id="edit-user-password"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-describedby="edit-user-password-help"
            aria-invalid={passwordProblems.length > 0 || undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="edit-user-password-help" className="field-help">
            Leave empty to keep the current one.
          </span>
          <FieldProblems messages={passwordProblems} />
        </div>
        <p className="muted small">Role changes apply the next time this person signs in.</p>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
      </form>
    </Dialog>
  );
}
