import { useState } from 'react';
import { usersApi, type UserAccount } from '../api';
import { useAuth } from '../auth/AuthContext';
import { formatDate } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { EditUserDialog } from './EditUserDialog';
import { NewUserForm } from './NewUserForm';
import { roleChoices } from './roles';

/** The admin's page: everyone who can sign in, their roles, and a form to add more. */
export function UsersPage() {
  const { user: me } = useAuth();
  const users = useAsync(() => usersApi.list(), []);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [notice, setNotice] = useState('');

  const replace = (saved: UserAccount) => {
    const others = (users.data ?? []).filter((u) => u.email !== saved.email);
    users.setData([...others, saved].sort((a, b) => a.email.localeCompare(b.email)));
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">Who can sign in, and what each of them may do. The server enforces the same roles.</p>
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
            <div className="table-wrap">
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
