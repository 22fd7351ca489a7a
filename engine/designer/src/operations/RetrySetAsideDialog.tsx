import { useState } from 'react';
import { processingApi, type SetAsideCustomer } from '../api';
import { Dialog } from '../common/Dialog';
import { formatNumber } from '../common/format';
import { ErrorMessage } from '../common/Status';

interface Props {
  customer: SetAsideCustomer;
  onClose: () => void;
  onRetried: (customer: SetAsideCustomer, detail: string) => void;
}

/** Asks before a retry: without a fix the same error sets the customer aside again. */
export function RetrySetAsideDialog({ customer, onClose, onRetried }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function retry() {
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await processingApi.retry(customer.customerId);
      onRetried(customer, accepted?.detail ?? 'their events are processed again in the next batch');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={`Retry ${customer.customerId}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void retry()}>
            {busy ? 'Retrying…' : 'Retry now'}
          </button>
        </>
      }
    >
      <p>
        <strong>Fix the cause first.</strong> Processing failed in {customer.stage} with:
      </p>
      <p className="bad-text small">{customer.error}</p>
      <p>
        A retry processes their {formatNumber(customer.eventsHeld)} held events again, in order, from their whole history. If the cause is still
        there, they are set aside again.
      </p>
      {error ? <ErrorMessage error={error} title="Retry refused" /> : null}
    </Dialog>
  );
}
