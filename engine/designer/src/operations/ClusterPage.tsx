import { processingApi } from '../api';
import { ErrorMessage, Loading } from '../common/Status';
import { formatNumber } from '../common/format';
import { useAsync, useInterval } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';

// A takeover is due within ten seconds: look often enough to see one happen.
const pollMs = 3000;

/** The engine processes sharing the event processing: the partitions each owns, the jobs each runs, and what waits. */
export function ClusterPage() {
  const cluster = useAsync(() => processingApi.cluster(), []);
  useInterval(cluster.reload, pollMs);
  const view = cluster.data;
  const lagging = view?.partitions.filter((p) => p.waiting > 0) ?? [];
  const unowned = view?.partitions.filter((p) => !p.owner).length ?? 0;

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Cluster</h1>
          <p className="muted">
            Customers hash to {view ? formatNumber(view.partitionCount) : '…'} partitions; each is processed by one engine process at a time. When a
            process stops or dies, the others take its partitions within seconds.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={cluster.reload}>
            Refresh
          </button>
        </div>
      </header>
      {cluster.error ? <ErrorMessage error={cluster.error} onRetry={cluster.reload} /> : null}
      {cluster.loading && !view && <Loading />}
      {view && (
        <>
          <div className="notice-line" role="status" data-testid="cluster-summary">
            {view.processes.length} {view.processes.length === 1 ? 'process' : 'processes'}
            {unowned > 0 ? `, ${unowned} partitions being handed over` : ''}, {formatNumber(view.partitions.reduce((n, p) => n + p.waiting, 0))} events waiting
          </div>
          <div className="table-wrap" tabIndex={0}>
            <table className="table" data-testid="cluster-processes">
              <thead>
                <tr>
                  <th scope="col">Process</th>
                  <th scope="col" className="num">
                    Partitions
                  </th>
                  <th scope="col">Owns</th>
                  <th scope="col">Cluster-wide jobs</th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.processes.map((p) => (
                  <tr key={p.name}>
                    <td>
                      {p.name}
                      {p.thisProcess ? <span className="muted"> (answered)</span> : null}
                    </td>
                    <td className="num">{p.partitions.length}</td>
                    <td className="muted">{p.partitions.join(', ')}</td>
                    <td>{p.jobs.join(', ') || '—'}</td>
                    <td className="num">{formatNumber(p.waiting)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Partitions with a backlog</h2>
          {lagging.length === 0 ? (
            <p className="muted">Every partition has caught up.</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table className="table" data-testid="cluster-lag">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Partition
                    </th>
                    <th scope="col">Owner</th>
                    <th scope="col" className="num">
                      Waiting
                    </th>
                    <th scope="col" className="num">
                      Oldest waits (s)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {lagging.map((p) => (
                    <tr key={p.partition}>
                      <td className="num">{p.partition}</td>
                      <td>{p.owner ?? 'being handed over'}</td>
                      <td className="num">{formatNumber(p.waiting)}</td>
                      <td className="num">{p.lagSeconds.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
