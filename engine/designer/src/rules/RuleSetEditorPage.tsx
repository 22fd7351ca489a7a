import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, ruleSetsApi, type RuleSetEvaluation, type RuleSetTrialSubject, type RuleSetView } from '../api';
import { useMembersCatalog, useSegmentsCatalog } from '../common/catalog';
import { slugify } from '../common/format';
import { ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { DecidesForm } from './DecidesForm';
import { PluginRuleSet } from './PluginRuleSet';
import { ProblemList } from './ProblemList';
import { fromDocument, toDocument, type RuleSetDraft } from './ruleDraft';
import { placeProblems, problemsAt, type PlacedProblem } from './ruleProblems';
import { RuleList } from './RuleList';
import { RuleTestPanel } from './RuleTestPanel';
import { sessionMembers, tagsIn } from './sessionMembers';

/** Build a rule set from pickers, try it on a customer, publish it: the rule editor. */
export function RuleSetEditorPage() {
  const { key: routeKey } = useParams();
  const isNew = !routeKey || routeKey === 'new';
  const stored = useAsync(() => (isNew ? Promise.resolve(null) : ruleSetsApi.get(routeKey!)), [routeKey]);
  const members = useMembersCatalog();
  const segments = useSegmentsCatalog();
  if (stored.error) return <ErrorMessage error={stored.error} onRetry={stored.reload} />;
  if (members.error) return <ErrorMessage error={members.error} onRetry={members.retry} />;
  if ((!isNew && !stored.data) || !members.data || (!segments.data && !segments.error)) return <Loading />;
  if (stored.data?.readOnly) return <PluginRuleSet ruleSet={stored.data} />;
  // Segments and tags join the profile's fields; without the segment list the profile's fields still serve.
  const all = [...members.data, ...sessionMembers(segments.data ?? [], tagsIn(stored.data?.rules))];
  return <Editor key={routeKey ?? 'new'} stored={stored.data ?? null} routeKey={isNew ? null : routeKey!} members={all} />;
}

/** The notice a new rule set's first publish hands to the editor at its own address. */
const noticesOnArrival = new Map<string, string>();

function Editor({ stored, routeKey, members }: { stored: RuleSetView | null; routeKey: string | null; members: Parameters<typeof fromDocument>[1] }) {
  const navigate = useNavigate();
  // A new rule set's first publish moves to its own address; the notice comes along, in memory only, so a reload
  // (which keeps history state) does not announce the publish again.
  const arrived = routeKey ? noticesOnArrival.get(routeKey) : undefined;
  const [draft, setDraft] = useState<RuleSetDraft>(() => fromDocument(stored?.rules, members));
  const [name, setName] = useState(stored?.name ?? '');
  const [description, setDescription] = useState(stored?.description ?? '');
  const [key, setKey] = useState('');
  const [version, setVersion] = useState(stored?.version ?? 0);
  const [problems, setProblems] = useState<PlacedProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState(arrived ?? '');
  const [busy, setBusy] = useState(false);
  const [trial, setTrial] = useState<{ result: RuleSetEvaluation | null; error: string; of?: RuleSetDraft }>({ result: null, error: '' });
  const effectiveKey = routeKey ?? (key || slugify(name));

  // Edits clear the marks of the last answer: they may no longer apply.
  useEffect(() => setProblems([]), [draft]);
  useEffect(() => {
    if (routeKey) noticesOnArrival.delete(routeKey);
  }, [routeKey]);

  /** Sends the draft; a 400's problems are shown where their paths point. */
  const send = async <T,>(call: (document: ReturnType<typeof toDocument>['document']) => Promise<T>): Promise<{ answer: T | null; subject: string }> => {
    const { document, places } = toDocument(draft, members);
    setBusy(true);
    setFailure(null);
    try {
      const answer = await call(document);
      setProblems([]);
      return { answer, subject: '' };
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 400 && e.problems.length > 0)) {
        setFailure(e);
        return { answer: null, subject: '' };
      }
      // A problem with the customer or the pasted facts (a rule that throws for them) belongs to the test panel.
      const placed = placeProblems(e.problems, places);
      const aboutSubject = placed.filter((p) => p.path === 'customerId' || p.path === 'facts');
      setProblems(placed.filter((p) => !aboutSubject.includes(p)));
      return { answer: null, subject: aboutSubject.map((p) => p.message).join(' ') || 'The test did not run: see the problems in the rules.' };
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!name.trim()) return setFailure(new Error('Give the rule set a name first.'));
    const { answer: saved } = await send((rules) => ruleSetsApi.save(effectiveKey, { name, description, rules }));
    if (!saved) return;
    setVersion(saved.version);
    const published = `Published version ${saved.version}.`;
    setNotice(published);
    if (routeKey) return;
    noticesOnArrival.set(saved.key, published);
    void navigate(`/rule-sets/${encodeURIComponent(saved.key)}`, { replace: true });
  };

  const runTest = async (subject: RuleSetTrialSubject) => {
    setTrial({ result: null, error: '' });
    const { answer, subject: why } = await send((rules) => ruleSetsApi.tryDraft(effectiveKey || 'draft', rules, subject));
    setTrial({ result: answer, error: answer ? '' : why, of: draft });
  };

  const general = problems.filter((p) => p.place === null);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{routeKey ? name || routeKey : 'New rule set'}</h1>
          <p className="muted">
            Rules run on NRules in priority order; the highest-priority rule that fires decides. {version > 0 && <span data-testid="rule-set-version">Version {version}.</span>}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void publish()}>
            Publish
          </button>
        </div>
      </header>
      <div className="notice-line" role="status" data-testid="rule-set-notice">
        {notice}
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      {general.length > 0 && (
        <div className="alert alert-error" data-testid="rule-set-problems">
          <strong>The rule set has problems:</strong>
          <ProblemList problems={general} />
        </div>
      )}
      <section className="card" aria-label="Rule set">
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="rule-set-name">Name</label>
            <input id="rule-set-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {!routeKey && (
            <div className="field">
              <label htmlFor="rule-set-key">Key</label>
              <input id="rule-set-key" value={effectiveKey} onChange={(e) => setKey(e.target.value.toLowerCase().replace(/[^a-z0-9-]+/g, '-'))} />
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="rule-set-description">Description</label>
          <input id="rule-set-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <DecidesForm decides={draft.decides} problems={problemsAt(problems, { field: 'decides' })} onChange={(decides) => setDraft({ ...draft, decides })} />
      </section>
      <div className="rule-layout">
        <section aria-label="Rules">
          <RuleList rules={draft.rules} decides={draft.decides !== null} members={members} problems={problems} onChange={(rules) => setDraft({ ...draft, rules })} />
        </section>
        <RuleTestPanel busy={busy} result={trial.result} stale={trial.of !== draft} error={trial.error} onRun={(s) => void runTest(s)} />
      </div>
    </div>
  );
}
