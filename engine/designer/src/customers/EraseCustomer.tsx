import { useState } from 'react';
import { useNavigate } from 'react-router';
import { customersApi, errorMessage } from '../api';
import { Dialog } from '../common/Dialog';

export function EraseCustomer({ id }: { id: string }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function erase() {
    setBusy(true);
    try {
      await customersApi.erase(id);
      navigate('/customers', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="btn btn-danger btn-small" onClick={() => setOpen(true)}>
        Erase customer
      </button>
      <Dialog
        open={open}
        title="Erase this customer?"
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void erase()}>
              Erase for good
            </button>
          </>
        }
      >
        <p>The profile, events and pending actions of {id} are deleted. This cannot be undone.</p>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
      </Dialog>
    </>
  );
}
