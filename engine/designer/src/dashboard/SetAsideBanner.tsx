import { Link } from 'react-router';
import { processingApi } from '../api';
import { roleAccess, useAuth } from '../auth/AuthContext';
import { formatNumber } from '../common/format';
import { useAsync, useInterval } from '../common/useAsync';

/**
 * Says so on the dashboard while any customer is set aside. Marketers and admins read the list (and get a link to
 * it); other roles may not, so they read /health, which is degraded while anyone is set aside.
 */
export function SetAsideBanner() {
  const { hasRole } = useAuth();
  const canSeeList = hasRole(...roleAccess.design);
  // How many are set aside; null when only "some" is known (from /health).
  const state = useAsync(async (): Promise<number | null> => {
    if (canSeeList) return (await processingApi.setAside()).length;
    return (await processingApi.health()).status === 'degraded' ? null : 0;
  }, [canSeeList]);
  useInterval(state.reload, 15000);

  const count = state.data;
  if (count === undefined || count === 0) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="set-aside-banner">
      <div>
        <strong>{count === null ? 'Some customers are set aside' : `${formatNumber(count)} ${count === 1 ? 'customer is' : 'customers are'} set aside`}:</strong>{' '}
        their events could not be processed and wait for a fix; everyone else’s events go on.
      </div>
      {canSeeList && (
        <Link to="/processing" className="nowrap">
          Review set-aside customers →
        </Link>
      )}
    </div>
  );
}
