import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, segmentsApi, type Cluster, type ClusteringResult } from '../api';
import { segmentsCache } from '../common/catalog';
import { formatNumber, silhouetteInWords, slugify } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import { clusterName } from './clusterName';

export function DiscoveryPage() {
  const [k, setK] = useState('4');
  const [result, setResult] = useState<ClusteringResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    const n = Math.trunc(Number(k));
    if (!(n >= 2 && n <= 20)) {
      setError(new Error('Choose between 2 and 20 groups.'));
      return;
    }
    setRunning(true);
    setError(null);
    try {
      setResult(await segmentsApi.clusters(n));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Discover segments</h1>
          <p className="muted">Let the engine group customers by behaviour, then keep the groups worth targeting as segments.</p>
        </div>
      </header>
      <form
        className="toolbar-row"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field field-inline">
          <span>Number of groups (k)</span>
          <input type="number" min={2} max={20} value={k} onChange={(e) => setK(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={running}>
          {running ? 'Clustering…' : 'Run clustering'}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {running && <Loading label="Grouping customers…" />}
      {result && !running && (
        <>
          <p data-testid="overall-silhouette">
            Overall silhouette <strong>{result.silhouette.toFixed(2)}</strong>: {silhouetteInWords(result.silhouette)}.
          </p>
          <div className="cluster-grid">
            {result.clusters.map((c) => (
              <ClusterCard key={c.id} cluster={c} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function ClusterCard({ cluster }: { cluster: Cluster }) {
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(() => clusterName(cluster.description, cluster.id));
  const [key, setKey] = useState(() => slugify(clusterName(cluster.description, cluster.id)));
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      // PUT replaces a segment with the same key: never overwrite one by accident from here.
      const taken = (await segmentsApi.list()).find((s) => s.key === key);
      if (taken) {
        setError(`The key ${key} is already used by “${taken.name}”. Choose another key.`);
        return;
      }
      await segmentsApi.save({ key, name, description: cluster.description, expression: cluster.expression });
      segmentsCache.invalidate();
      setSaved(key);
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <article className="card cluster" data-testid={`cluster-${cluster.id}`} aria-label={`Group ${cluster.id}`}>
      <div className="card-head">
        <h2>Group {cluster.id}</h2>
        <span className="muted small">{formatNumber(cluster.size)} customers</span>
      </div>
      <p>{cluster.description}</p>
      <pre className="expression-view">{cluster.expression}</pre>
      <p className="muted small">
        Silhouette {cluster.silhouette.toFixed(2)}: {silhouetteInWords(cluster.silhouette)}.
      </p>
      {saved ? (
        <p className="ok-text">
          Saved as <Link to={`/segments/${encodeURIComponent(saved)}`}>{saved}</Link>.
        </p>
      ) : open ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span>Segment name</span>
            <input
              type="text"
              value={name}
              required
              onChange={(e) => {
                setName(e.target.value);
                setKey(slugify(e.target.value));
              }}
            />
          </label>
          <label className="field">
            <span>Segment key</span>
            <input type="text" className="code-input" value={key} required onChange={(e) => setKey(e.target.value.trim())} />
          </label>
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-small btn-primary" disabled={saving || !key}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          Save as segment
        </button>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
    </article>
  );
}
