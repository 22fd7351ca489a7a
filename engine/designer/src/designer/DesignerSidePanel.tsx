import type { ReactNode } from 'react';
import type { WorkflowDetail } from '../api';
import { DryRunPanel } from './DryRunPanel';
import { LivePanel } from './LivePanel';
import type { PanelWords } from './stepWords';
import type { useLiveView } from './useLiveView';
import type { PanelName, useWorkflowServer } from './useWorkflowServer';
import { VersionsPanel } from './VersionsPanel';

interface DesignerSidePanelProps {
  panel: PanelName;
  onPanel: (panel: PanelName) => void;
  isNew: boolean;
  published: boolean;
  info: WorkflowDetail | null;
  workflowId: string;
  /** The properties tab's content (the selected step's form or the workflow's settings). */
  properties: ReactNode;
  simulation: ReturnType<typeof useWorkflowServer>['simulation'];
  onRunSimulation: () => void;
  live: ReturnType<typeof useLiveView>;
  viewingVersion: number | null;
  onOpenVersion: (version: number) => void;
  onBackToEditing: () => void;
  /** How the dry run and live view name steps, actions and ports. */
  words: PanelWords;
}

/** The panel beside the canvas: properties, dry run, live view and versions. */
export function DesignerSidePanel(props: DesignerSidePanelProps) {
  const { panel, onPanel, isNew, published, info, simulation, live } = props;
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="panel-switch" role="group" aria-label="Side panel">
        <button type="button" aria-pressed={panel === 'properties'} onClick={() => onPanel('properties')}>
          Properties
        </button>
        <button type="button" aria-pressed={panel === 'simulation'} onClick={() => onPanel('simulation')} disabled={isNew}>
          Simulation
        </button>
        <button type="button" aria-pressed={panel === 'live'} onClick={() => onPanel('live')} disabled={!published} title={published ? undefined : 'Publish first'}>
          Live view
        </button>
        <button type="button" aria-pressed={panel === 'versions'} onClick={() => onPanel('versions')} disabled={isNew}>
          Versions
        </button>
      </div>
      <div className="side-panel-body">
        {panel === 'properties' && props.properties}
        {panel === 'simulation' && (
          <DryRunPanel
            result={simulation.result}
            running={simulation.running}
            error={simulation.error}
            days={simulation.days}
            onDaysChange={simulation.setDays}
            onRun={props.onRunSimulation}
            onClear={simulation.clear}
            words={props.words}
          />
        )}
        {panel === 'live' && published && (
          <LivePanel
            workflowId={props.workflowId}
            live={live.live}
            liveError={live.liveError}
            selectedInstance={live.instance}
            onSelectInstance={(id) => void live.selectInstance(id)}
            instanceLoading={live.instanceLoading}
            instanceError={live.instanceError}
            words={props.words}
          />
        )}
        {panel === 'versions' && info && (
          <VersionsPanel
            versions={info.versions ?? []}
            viewing={props.viewingVersion}
            onOpen={props.onOpenVersion}
            onBack={props.onBackToEditing}
            migration={{ workflowId: info.id, publishedVersion: info.publishedVersion ?? null }}
          />
        )}
      </div>
    </aside>
  );
}
