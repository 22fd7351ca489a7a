import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { segmentsApi, type Segment } from '../api';
import { formatNumber } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { EvaluationWarning } from './EvaluationWarning';
import { MembersBrowser } from './MembersBrowser';
import { RfmGrid } from './RfmGrid';
import { SegmentEditor } from './SegmentEditor';
import { SizeChart } from './SizeChart';

export function SegmentsPage() {
  const { key } = useParams();
  const navigate = useNavigate();
  const segments = useAsync(() => segmentsApi.list(), []);
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [tab, setTab] = useState<'size' | 'members'>('size');
  const selected = segments.data?.find((s) => s.key === key);

  function onSaved(saved: Segment) {
    setEditing(null);
    segments.reload();
    navigate(`/segments/${encodeURIComponent(saved.key)}`);
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Segments</h1>
          <p className="muted">Groups of customers described by an expression; workflows start when someone enters or leaves one.</p>
        </div>
        <div className="page-actions">
          <Link to="/discovery" className="btn">
            Discover segments
          </Link>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            New segment
          </button>
        </div>
      </header>

      {editing && (
        <SegmentEditor key={editing === 'new' ? 'new' : editing.key} segment={editing === 'new' ? null : editing} onSaved={onSaved} onCancel={() => setEditing(null)} />
      )}

      <div className="split-layout">
        <section className="card" aria-label="All segments">
          <h2>All segments</h2>
          {segments.error ? <ErrorMessage error={segments.error} onRetry={segments.reload} /> : null}
          {segments.loading && !segments.data && <Loading />}
          {segments.data && segments.data.length === 0 && <Empty>No segments yet. Create one with “New segment” from an expression over customers’ features and scores.</Empty>}
          {segments.data && segments.data.length > 0 && (
            <ul className="segment-list">
              {segments.data.map((s) => (
                <li key={s.key}>
                  <Link
                    to={`/segments/${encodeURIComponent(s.key)}`}
                    className={`segment-link${s.key === key ? ' active' : ''}`}
                    aria-current={s.key === key ? 'page' : undefined}
                    data-testid={`segment-${s.key}`}
                  >
                    <span className="segment-name">
                      {s.name || s.key}
                      {s.builtIn && <span className="chip chip-muted">built-in</span>}
                      {s.evaluationError && (
                        <span className="badge badge-warn" title={s.evaluationError.error}>
                          fails
                        </span>
                      )}
                    </span>
                    <span className="segment-size">{formatNumber(s.size)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-label="Segment details">
          {!key && <Empty>Choose a segment to see its size over time and its members.</Empty>}
          {key && segments.data && !selected && <Empty>No segment “{key}”.</Empty>}
          {selected && (
            <>
              <div className="card-head">
                <div>
                  <h2>{selected.name || selected.key}</h2>
                  <div className="muted small">
                    <code>{selected.key}</code> · {formatNumber(selected.size)} members
                    {selected.ttlDays ? ` · membership lasts ${selected.ttlDays} days` : ''}
                  </div>
                </div>
                <button type="button" className="btn btn-small" onClick={() => setEditing(selected)}>
                  Edit segment
                </button>
              </div>
              {selected.evaluationError && <EvaluationWarning error={selected.evaluationError} />}
              {selected.description && <p>{selected.description}</p>}
              <h3 className="small muted">Who belongs</h3>
              <pre className="expression-view">{selected.expression}</pre>
              <div className="panel-switch" role="group" aria-label="Segment view">
                <button type="button" aria-pressed={tab === 'size'} onClick={() => setTab('size')}>
                  Size over time
                </button>
                <button type="button" aria-pressed={tab === 'members'} onClick={() => setTab('members')}>
                  Members
                </button>
              </div>
              {tab === 'size' ? <SizeChart segmentKey={selected.key} segmentName={selected.name || selected.key} /> : <MembersBrowser segmentKey={selected.key} />}
            </>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="rfm-title">
        <h2 id="rfm-title">RFM grid</h2>
        <p className="muted small">How many customers sit at each recency and frequency score.</p>
        <RfmGrid />
      </section>
    </div>
  );
}
