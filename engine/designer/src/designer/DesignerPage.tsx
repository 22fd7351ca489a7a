import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { templatesApi, workflowsApi, type ActivityDescriptor, type ElsaImportResult, type WorkflowDefinition, type WorkflowDetail } from '../api';
import { usePaletteCatalog, useSegmentsCatalog } from '../common/catalog';
import { downloadJson } from '../common/download';
import { ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { CanvasBanners } from './CanvasBanners';
import { DesignerCanvas } from './DesignerCanvas';
import { DesignerSidePanel } from './DesignerSidePanel';
import { DesignerToolbar } from './DesignerToolbar';
import { TRIGGER_NODE_ID, canvasToDefinition, definitionToCanvas, isActivityNode } from './model';
import { Palette } from './Palette';
import { indexPalette } from './palette';
import { PropertiesBody } from './PropertiesBody';
import { PublishDialog } from './PublishDialog';
import { StepPicker } from './StepPicker';
import { panelWordsFor } from './stepWords';
import { useAdvancedView } from './useAdvancedView';
import { useCanvasDisplay } from './useCanvasDisplay';
import { useCanvasDoc } from './useCanvasDoc';
import { selectOnly, useGraphEditing, type ShownCanvas } from './useGraphEditing';
import { useLiveView } from './useLiveView';
import { useStepAdding } from './useStepAdding';
import { useWorkflowServer, type PanelName } from './useWorkflowServer';

interface DesignerLocationState {
  imported?: ElsaImportResult;
  notice?: string;
}

const newDefinition = (): WorkflowDefinition => ({
  id: 'untitled-workflow',
  name: 'Untitled workflow',
  description: '',
  trigger: { type: 'segment.entered', segment: '' },
  reentry: { policy: 'once' },
  activities: [],
  connections: [],
  layout: { [TRIGGER_NODE_ID]: { x: 0, y: 0 } },
});

/** Remounts the page per workflow so nothing of one workflow leaks into the next. */
export function DesignerRoute() {
  const { id } = useParams();
  return <DesignerPage key={id ?? 'new'} id={id} />;
}

/** /workflows/new and /workflows/:id: loads the workflow and the palette, then the editor. */
function DesignerPage({ id }: { id: string | undefined }) {
  const location = useLocation();
  const palette = usePaletteCatalog();
  const detail = useAsync(() => (id ? workflowsApi.get(id) : Promise.resolve(null)), [id]);
  const state = location.state as DesignerLocationState | null;
  const imported = state?.imported;

  if (detail.error) {
    return (
      <div className="page">
        <Link to="/workflows">← Workflows</Link>
        <ErrorMessage error={detail.error} onRetry={detail.reload} title="The workflow could not be loaded" />
      </div>
    );
  }
  if (palette.error) {
    return (
      <div className="page">
        <ErrorMessage error={palette.error} onRetry={palette.retry} title="The activity palette could not be loaded" />
      </div>
    );
  }
  if (detail.loading || detail.data === undefined || !palette.data) return <Loading label="Opening the designer…" />;

  return (
    <ReactFlowProvider>
      <DesignerEditor initial={detail.data} imported={id ? undefined : imported} initialNotice={state?.notice} descriptors={palette.data} />
    </ReactFlowProvider>
  );
}

interface EditorProps {
  initial: WorkflowDetail | null;
  initialNotice?: string;
  imported?: ElsaImportResult;
  descriptors: ActivityDescriptor[];
}

function DesignerEditor({ initial, imported, initialNotice, descriptors }: EditorProps) {
  const palette = useMemo(() => indexPalette(descriptors), [descriptors]);
  const segments = useSegmentsCatalog();
  const segmentName = useCallback((key: string) => segments.data?.find((s) => s.key === key)?.name, [segments.data]);
  const templates = useAsync(() => templatesApi.list(), []);
  const templateName = useCallback((key: string) => templates.data?.find((t) => t.key === key)?.name, [templates.data]);
  const [advanced, setAdvanced] = useAdvancedView();

  const startDefinition = initial?.definition ?? imported?.definition ?? newDefinition();
  const startCanvas = useMemo(() => definitionToCanvas(startDefinition), []); // eslint-disable-line react-hooks/exhaustive-deps
  const canvas = useCanvasDoc(startCanvas, !!imported);
  const { doc, ref: docRef, update, undo, redo, canUndo, canRedo, dirty, setDirty } = canvas;

  const [idEdited, setIdEdited] = useState(initial !== null || !!imported);
  const [panel, setPanel] = useState<PanelName>('properties');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(initialNotice ? { tone: 'ok', text: initialNotice } : null);
  const [importReport, setImportReport] = useState(imported ? { unmapped: imported.unmapped ?? [], toFinish: imported.toFinish ?? [] } : null);
  const wrapper = useRef<HTMLDivElement>(null);

  const notify = useCallback((tone: 'ok' | 'error' | 'info', text: string) => setNotice({ tone, text }), []);
  useEffect(() => {
    if (!notice) return;
    const handle = window.setTimeout(() => setNotice(null), notice.tone === 'error' ? 12000 : 5000);
    return () => window.clearTimeout(handle);
  }, [notice]);

  const currentDefinition = useCallback((): WorkflowDefinition => {
    const d = docRef.current;
    return canvasToDefinition(d.meta, d.nodes, d.edges);
  }, [docRef]);
  const onSavedVersion = useCallback((version: number) => update((d) => ({ ...d, meta: { ...d.meta, version } })), [update]);

  const server = useWorkflowServer({ initial, draftId: doc.meta.id, dirty, setDirty, currentDefinition, onSavedVersion, notify, setPanel });
  const { isNew, info, workflowId, published, problems, busy, viewing, setViewing } = server;
  const liveView = useLiveView(workflowId, panel === 'live');
  const { liveCanvas, setLiveCanvas } = liveView;

  // Which canvas is on screen: an old version, the live version, or the editable draft.
  const source: 'doc' | 'viewing' | 'live' = viewing ? 'viewing' : panel === 'live' && liveCanvas ? 'live' : 'doc';
  const readOnly = source !== 'doc';
  const shown: ShownCanvas = source === 'viewing' ? viewing! : source === 'live' ? liveCanvas! : doc;

  const updateShown = useCallback(
    (change: (c: ShownCanvas) => ShownCanvas) => {
      if (source === 'viewing') setViewing((v) => (v ? { ...v, ...change(v) } : v));
      else if (source === 'live') setLiveCanvas((v) => (v ? { ...v, ...change(v) } : v));
      else update((d) => ({ ...d, ...change(d) }));
    },
    [setLiveCanvas, setViewing, source, update],
  );
  const showProperties = useCallback(() => setPanel('properties'), []);

  const editing = useGraphEditing({
    canvas,
    readOnly,
    updateShown,
    isNew,
    idEdited,
    palette,
    notify,
    setProblems: server.setProblems,
  });
  const adding = useStepAdding({ canvas, readOnly, descriptors, palette, wrapper, notify, onAdded: showProperties });

  const { grouped, decorations, displayNodes, displayEdges, problemNodes } = useCanvasDisplay({
    shown,
    source,
    readOnly,
    palette,
    problems,
    simulation: server.simulation.result,
    live: liveView.live,
    instance: liveView.instance,
    segmentName,
    templateName,
    advanced,
    onInsert: adding.openPicker,
  });

  const { stepName } = decorations;
  const panelWords = useMemo(() => panelWordsFor(advanced, palette, stepName), [advanced, palette, stepName]);

  const selected = shown.nodes.find((n) => n.selected);
  const activityIds = shown.nodes.filter(isActivityNode).map((n) => n.id);
  const selectNode = (id: string | null) => updateShown((c) => ({ ...c, nodes: selectOnly(c.nodes, id) }));

  return (
    <div className="designer">
      <DesignerToolbar
        name={doc.meta.name}
        info={info}
        isNew={isNew}
        published={published}
        dirty={dirty}
        readOnly={readOnly}
        busy={busy}
        simRunning={server.simulation.running}
        hasProblems={problems.length > 0}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={undo}
        onRedo={redo}
        onLayout={editing.layout}
        onValidate={() => void server.validate()}
        onSave={() => void server.saveDraft()}
        onDryRun={() => void server.runSimulation()}
        onPublish={() => void server.startPublish()}
        onToggleEnabled={() => void server.toggleEnabled()}
        advanced={advanced}
        onAdvanced={setAdvanced}
        onExport={() => downloadJson(`${doc.meta.id || 'workflow'}.json`, currentDefinition())}
      />

      <div className="notice-region" aria-live="polite" role="status">
        {notice && (
          <div className={`notice notice-${notice.tone}`} data-testid="designer-notice">
            {notice.text}
            <button type="button" className="btn-icon" aria-label="Dismiss message" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>

      <div className="designer-body">
        <Palette descriptors={descriptors} onAdd={(d) => adding.addActivity(d)} disabled={readOnly} advanced={advanced} />

        <section className="canvas-column" aria-label="Canvas">
          <CanvasBanners
            viewingVersion={viewing?.version ?? null}
            onBackToEditing={() => setViewing(null)}
            liveVersion={source === 'live' && liveCanvas ? liveCanvas.version : null}
            importReport={source === 'doc' ? importReport : null}
            onDismissImport={() => setImportReport(null)}
            general={grouped.general}
            problemNodes={problemNodes}
            onSelectNode={selectNode}
          />
          <DesignerCanvas
            wrapper={wrapper}
            nodes={displayNodes}
            edges={displayEdges}
            decorations={decorations}
            readOnly={readOnly}
            onNodesChange={editing.onNodesChange}
            onEdgesChange={editing.onEdgesChange}
            onConnect={editing.onConnect}
            onNodeDragStart={editing.onNodeDragStart}
            onNodeDragStop={editing.onNodeDragStop}
            onBeforeDelete={() => canvas.record()}
            onDragOver={adding.onDragOver}
            onDrop={adding.onDrop}
          />
        </section>

        <DesignerSidePanel
          panel={panel}
          onPanel={setPanel}
          isNew={isNew}
          published={published}
          info={info}
          workflowId={workflowId}
          simulation={server.simulation}
          onRunSimulation={() => void server.runSimulation()}
          live={liveView}
          viewingVersion={viewing?.version ?? null}
          onOpenVersion={(v) => void server.openVersion(v)}
          onBackToEditing={() => setViewing(null)}
          words={panelWords}
          properties={
            <PropertiesBody
              selected={selected}
              doc={doc}
              isNew={isNew}
              palette={palette}
              problems={source === 'doc' ? problems : []}
              readOnly={readOnly}
              activityIds={activityIds}
              connections={decorations.connections}
              stepName={decorations.stepName}
              advanced={advanced}
              segmentName={segmentName}
              onActivity={editing.updateActivity}
              onTrigger={editing.updateTrigger}
              onMeta={editing.updateMeta}
              onIdEdited={() => setIdEdited(true)}
              onRename={editing.rename}
              onPort={editing.setPortTarget}
              onDelete={editing.deleteNode}
              onSelect={selectNode}
            />
          }
        />
      </div>

      <StepPicker open={adding.picking !== null} descriptors={descriptors} advanced={advanced} onPick={adding.pick} onClose={adding.closePicker} />
      <PublishDialog
        diff={server.diff}
        audience={server.audience}
        segmentName={segmentName}
        words={{ palette, segmentName, templateName, advanced }}
        busy={busy === 'publish'}
        onCancel={() => server.setDiff(null)}
        onConfirm={(start) => void server.confirmPublish(start)}
      />
    </div>
  );
}
