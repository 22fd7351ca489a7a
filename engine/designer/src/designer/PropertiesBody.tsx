import type { ActivityDefinition, TriggerDefinition, ValidationProblem } from '../api';
import type { Decorations } from './decorations';
import { TRIGGER_NODE_ID, isActivityNode, isTriggerNode, type CanvasNode, type WorkflowMeta } from './model';
import type { indexPalette } from './palette';
import { ActivityProperties } from './PropertiesPanel';
import { WorkflowSettings } from './WorkflowSettings';
import { TriggerForm } from './TriggerForm';
import type { CanvasDoc } from './useCanvasDoc';

export interface PropertiesBodyProps {
  selected: CanvasNode | undefined;
  doc: CanvasDoc;
  isNew: boolean;
  palette: ReturnType<typeof indexPalette>;
  problems: ValidationProblem[];
  readOnly: boolean;
  activityIds: string[];
  connections: Decorations['connections'];
  stepName: Decorations['stepName'];
  /** Shows the step's id, its internal type and every port. */
  advanced: boolean;
  segmentName: (key: string) => string | undefined;
  onActivity: (id: string, activity: ActivityDefinition, key: string) => void;
  onTrigger: (trigger: TriggerDefinition, field: string) => void;
  onMeta: (meta: WorkflowMeta, key: string) => void;
  onIdEdited: () => void;
  onRename: (from: string, to: string) => string | null;
  onPort: (from: string, port: string, to: string | null) => void;
  onDelete: (id: string) => void;
  onSelect: (id: string | null) => void;
}

/** The properties tab: the selected step's form, the trigger's, or the workflow's settings. */
export function PropertiesBody(props: PropertiesBodyProps) {
  const { selected, doc, problems, readOnly } = props;
  if (selected && isTriggerNode(selected)) {
    return (
      <>
        <BackToWorkflow onSelect={props.onSelect} />
        <TriggerForm
          trigger={selected.data.trigger}
          readOnly={readOnly}
          problems={problems.filter((p) => !p.activityId && p.field && /^trigger(\.|$)/.test(p.field)).map((p) => p.message)}
          onChange={props.onTrigger}
        />
      </>
    );
  }
  if (selected && isActivityNode(selected)) {
    return (
      <>
        <BackToWorkflow onSelect={props.onSelect} />
        <ActivityProperties
          key={selected.id}
          activity={selected.data.activity}
          palette={props.palette}
          activityIds={props.activityIds}
          connections={props.connections}
          stepName={props.stepName}
          advanced={props.advanced}
          problems={problems}
          readOnly={readOnly}
          onChange={(activity, key) => props.onActivity(selected.id, activity, key)}
          onRename={(to) => props.onRename(selected.id, to)}
          onConnect={(port, to) => props.onPort(selected.id, port, to)}
          onDelete={() => props.onDelete(selected.id)}
        />
      </>
    );
  }
  const trigger = doc.nodes.find(isTriggerNode)?.data.trigger ?? null;
  return (
    <WorkflowSettings
      meta={doc.meta}
      isNew={props.isNew}
      trigger={trigger}
      segmentName={props.segmentName}
      problems={problems}
      readOnly={readOnly}
      onChange={props.onMeta}
      onIdEdited={props.onIdEdited}
      onSelectTrigger={() => props.onSelect(TRIGGER_NODE_ID)}
    />
  );
}

function BackToWorkflow({ onSelect }: { onSelect: (id: string | null) => void }) {
  return (
    <button type="button" className="btn-link small" onClick={() => onSelect(null)}>
      ← Workflow settings
    </button>
  );
}
