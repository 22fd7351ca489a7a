import { useState } from 'react';
import { errorMessage, usersApi, type UserAccount } from '../api';
import { useAuth } from '../auth/AuthContext';
import { formatDate } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { ApiKeysPanel } from './ApiKeysPanel';
import { EditUserDialog } from './EditUserDialog';
import { NewUserForm } from './NewUserForm';
import { roleChoices } from './roles';

/** The admin's page: everyone who can sign in, their roles, and a form to add more. */
export function UsersPage() {
  const { user: me } = useAuth();
  const users = useAsync(() => usersApi.list(), []);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [notice, setNotice] = useState('');

  const confirm = async (account: UserAccount) => {
    try {
      replace(await usersApi.confirm(account.email));
      setNotice(`Confirmed ${account.email} as a person other than ${account.createdBy ?? 'its creator'}.`);
    } catch (e) {
      setNotice(`Not confirmed: ${errorMessage(e)}`);
    }
  };

  const replace = (saved: UserAccount) => {
    const others = (users.data ?? []).filter((u) => u.email !== saved.email);
    users.setData([...others, saved].sort((a, b) => a.email.localeCompare(b.email)));
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">
            Who can sign in, and what each of them may do. The server enforces the same roles. An account you create counts as you for four-eyes
            (it cannot approve what you published) until another admin confirms it.
          </p>
        </div>
      </header>
      <div className="notice-line" role="status" data-testid="users-notice">
        {notice}
      </div>
      <div className="users-layout">
        <section className="card" aria-labelledby="user-list-title">
          <h2 id="user-list-title">Accounts</h2>
          {users.error ? <ErrorMessage error={users.error} onRetry={users.reload} /> : null}
          {users.loading && !users.data && <Loading />}
          {users.data && users.data.length === 0 && <Empty>No accounts yet.</Empty>}
          {users.data && users.data.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table className="table" data-testid="user-table">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Since</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.map((u) => (
                    <tr key={u.email} data-testid={`user-${u.email}`}>
                      <td>
                        <strong>{u.displayName}</strong>
                        {u.email === me?.email && <span className="chip chip-muted">you</span>}
                        <div className="muted small">{u.email}</div>
                        {u.createdBy && (
                          <div className="muted small" data-testid={`user-origin-${u.email}`}>
                            {u.confirmedBy ? `confirmed by ${u.confirmedBy}` : `created by ${u.createdBy}, not confirmed yet`}
                          </div>
                        )}
                      </td>
                      <td>
                        {roleChoices
                          .filter((c) => u.roles.includes(c.role))
                          .map((c) => (
                            <span key={c.role} className="chip">
                              {c.label}
                            </span>
                          ))}
                      </td>
                      <td className="small nowrap">{formatDate(u.createdAt)}</td>
                      <td className="row-actions">
                        <button type="button" className="btn btn-small" aria-label={`Edit ${u.email}`} onClick={() => setEditing(u)}>
                          Edit
                        </button>
                        {u.createdBy && !u.confirmedBy && u.createdBy !== me?.email && u.email !== me?.email && (
                          <button type="button" className="btn btn-small" aria-label={`Confirm ${u.email}`} onClick={() => void confirm(u)}>
                            Confirm
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <NewUserForm
          onCreated={(created) => {
            replace(created);
            setNotice(`Created ${created.email}. They can sign in now with the password you chose.`);
          }}
        />
      </div>
      <ApiKeysPanel />
      {editing && (
        <EditUserDialog
          user={editing}
          isSelf={editing.email === me?.email}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            replace(saved);
            setEditing(null);
            setNotice(`Saved ${saved.email}.`);
          }}
        />
      )}
    </div>
  );
}
