import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, workflowsApi, type WorkflowSummary } from '../api';
import { useSegmentsCatalog } from '../common/catalog';
import { downloadJson } from '../common/download';
import { formatNumber } from '../common/format';
import { Empty, ErrorMessage, Loading, StatusBadge } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { describeTrigger } from '../designer/triggers';
import { ImportElsaDialog } from './ImportElsaDialog';

export function WorkflowListPage() {
  const workflows = useAsync(() => workflowsApi.list(), []);
  const segments = useSegmentsCatalog();
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const segmentName = (key: string) => segments.data?.find((s) => s.key === key)?.name;
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const list = workflows.data ?? [];
    return needle ? list.filter((w) => w.name.toLowerCase().includes(needle) || w.id.toLowerCase().includes(needle)) : list;
  }, [filter, workflows.data]);

  async function exportWorkflow(w: WorkflowSummary) {
    setExportError(null);
    try {
      const detail = await workflowsApi.get(w.id);
      downloadJson(`${w.id}.json`, detail.definition);
    } catch (e) {
      setExportError(`${w.name} could not be exported: ${errorMessage(e)}`);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="muted">Journeys that start when a customer enters a segment, crosses a score or does something.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            Import Elsa JSON
          </button>
          <Link to="/workflows/new" className="btn btn-primary">
            New workflow
          </Link>
        </div>
      </header>

      <div className="toolbar-row">
        <input type="search" aria-label="Search workflows" placeholder="Search workflows…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" className="btn btn-small btn-ghost" onClick={workflows.reload}>
          Refresh
        </button>
      </div>
      {exportError && (
        <div className="alert alert-error" role="alert">
          {exportError}
        </div>
      )}

      {workflows.error ? <ErrorMessage error={workflows.error} onRetry={workflows.reload} /> : null}
      {workflows.loading && !workflows.data && <Loading />}
      {workflows.data && workflows.data.length === 0 && (
        <Empty>
          No workflows yet. <Link to="/workflows/new">Create the first one</Link> or import an Elsa 3 flowchart.
        </Empty>
      )}
      {shown.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="table" data-testid="workflow-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Trigger</th>
                <th scope="col" className="num">
                  Active now
                </th>
                <th scope="col" className="num">
                  Entered, last 7 days
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((w) => (
                <tr key={w.id} data-testid={`workflow-${w.id}`}>
                  <td>
                    <Link to={`/workflows/${encodeURIComponent(w.id)}`} className="strong-link">
                      {w.name || w.id}
                    </Link>
                    <div className="muted small">
                      <code>{w.id}</code>
                      {w.description ? ` · ${w.description}` : ''}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={w.status} />
                    {!w.enabled && w.status !== 'disabled' && <StatusBadge status="disabled" />}
                  </td>
                  <td>
                    v{w.latestVersion}
                    {w.publishedVersion ? <div className="muted small">live: v{w.publishedVersion}</div> : <div className="muted small">not published</div>}
                  </td>
                  <td className="small">{describeTrigger(w.trigger, segmentName)}</td>
                  <td className="num">{formatNumber(w.activeInstances)}</td>
                  <td className="num">{formatNumber(w.entered7d)}</td>
                  <td className="row-actions">
                    <Link to={`/workflows/${encodeURIComponent(w.id)}`} className="btn btn-small" aria-label={`Open ${w.name || w.id}`}>
                      Open
                    </Link>
                    <button type="button" className="btn btn-small btn-ghost" aria-label={`Export ${w.name || w.id} as JSON`} onClick={() => void exportWorkflow(w)}>
                      Export
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {workflows.data && workflows.data.length > 0 && shown.length === 0 && <Empty>No workflow matches “{filter}”.</Empty>}

      <ImportElsaDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
