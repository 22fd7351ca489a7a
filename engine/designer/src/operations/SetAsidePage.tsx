import { useState } from 'react';
import { processingApi, type SetAsideCustomer } from '../api';
import { roleAccess, useAuth } from '../auth/AuthContext';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync, useInterval } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';
import { RetrySetAsideDialog } from './RetrySetAsideDialog';
import { SetAsideTable } from './SetAsideTable';

// A retried customer leaves the list within a batch or two: look often while one is pending, rarely otherwise.
const pendingPollMs = 2000;
const idlePollMs = 15000;

/** Customers whose events could not be processed and are set aside, so everyone else's go on; admins retry after a fix. */
export function SetAsidePage() {
  const { hasRole } = useAuth();
  const list = useAsync(() => processingApi.setAside(), []);
  const [retrying, setRetrying] = useState<SetAsideCustomer | null>(null);
  const [notice, setNotice] = useState('');
  const pending = list.data?.some((c) => c.retryRequested) ?? false;
  useInterval(list.reload, pending ? pendingPollMs : idlePollMs);

  function onRetried(customer: SetAsideCustomer, detail: string) {
    setRetrying(null);
    const now = new Date().toISOString();
    list.setData((list.data ?? []).map((c) => (c.customerId === customer.customerId ? { ...c, retryRequested: true, retryRequestedAt: now } : c)));
    setNotice(`Retry requested for ${customer.customerId}: ${detail}.`);
  }

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Set-aside customers</h1>
          <p className="muted">
            When a customer’s events cannot be processed, that customer is set aside and everyone else’s events go on. Their new events wait here
            until the cause is fixed and an administrator retries them.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={list.reload}>
            Refresh
          </button>
        </div>
      </header>
      <div className="notice-line" role="status" data-testid="set-aside-notice">
        {notice}
      </div>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty>Nobody is set aside: processing is healthy and every customer’s events are processed.</Empty>}
      {list.data && list.data.length > 0 && <SetAsideTable customers={list.data} canRetry={hasRole(...roleAccess.administer)} onRetry={setRetrying} />}
      {retrying && <RetrySetAsideDialog customer={retrying} onClose={() => setRetrying(null)} onRetried={onRetried} />}
    </div>
  );
}
