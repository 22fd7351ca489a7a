import { Handle, Position, useUpdateNodeInternals, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useEffect } from 'react';
import { formatNumber } from '../common/format';
import { useDecorations, waitingTypes } from './decorations';
import { isRarePort, mainPorts } from './insertion';
import { ELSA_PLACEHOLDER, TRIGGER_NODE_ID, portsFor, summarize, type ActivityNode, type TriggerNode } from './model';
import { AddAfterButton } from './AddAfterButton';
import { StepIcon } from './StepIcon';
import { actionTypeOf, descriptorFor } from './palette';
import { portLabel } from './stepWords';
import { describeTrigger } from './triggers';

const categoryClass = (category: string | undefined) => `cat-${(category ?? 'other').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export function ActivityNodeView({ id, data, selected }: NodeProps<ActivityNode>) {
  const deco = useDecorations();
  const activity = data.activity;
  const descriptor = descriptorFor(activity, deco.palette);
  const action = actionTypeOf(activity);
  const allPorts = portsFor(activity, deco.palette, deco.connections);
  const outgoing = deco.connections.filter((c) => c.from === id);
  // The simple view leaves out rarely used ports, unless a connection already leaves from one.
  const ports = deco.advanced ? allPorts : allPorts.filter((p) => !isRarePort(p, activity.type) || outgoing.some((c) => c.port === p));
  const open = mainPorts(ports, activity.type).filter((p) => !outgoing.some((c) => c.port === p));
  const words = (port: string) => portLabel(port, deco.advanced);
  // A port renamed or added in the form (a switch case, a fork branch) is a new handle: React Flow must measure it
  // before an edge can leave from it.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = ports.join('\u0000');
  useEffect(() => updateNodeInternals(id), [id, portKey, updateNodeInternals]);
  const problems = deco.problems.get(id);
  const sim = deco.simulation?.get(id);
  const waiting = deco.waiting ? (deco.waiting[id] ?? (waitingTypes.has(activity.type) ? 0 : undefined)) : undefined;
  const winner = deco.winners?.get(id);
  const onPath = deco.path?.has(id);
  const title = activity.displayName || descriptor?.displayName || activity.type;
  const summary = summarize(activity, deco.templateName);

  const placeholder = activity.type === ELSA_PLACEHOLDER;
  const classes = ['flow-node', placeholder ? 'flow-node-placeholder' : categoryClass(descriptor?.category)];
  if (selected) classes.push('selected');
  if (problems) classes.push('has-problem');
  if (onPath) classes.push('on-path');
  if (deco.path && !onPath) classes.push('dimmed');

  return (
    <div className={classes.join(' ')} data-testid={`node-${id}`}>
      <Handle type="target" position={Position.Top} className="handle-in" title={`Into ${title}`} />
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden="true">
          <StepIcon type={activity.type} action={action} />
        </span>
        <span className="flow-node-title">{title}</span>
        {descriptor?.budgetAffecting && (
          <span className="tag tag-budget" title="Spends budget: may need approval">
            budget
          </span>
        )}
      </div>
      {deco.advanced && (
        <div className="flow-node-meta">
          <span>{action ?? activity.type}</span>
          <code className="flow-node-id">{id}</code>
        </div>
      )}
      {summary && (
        <div className="flow-node-summary" title={summary}>
          {summary}
        </div>
      )}
      {placeholder && (
        <div className="flow-node-warning" data-testid={`placeholder-${id}`}>
          Unmapped Elsa activity ({String(activity.elsaType ?? '?')}): replace it before publishing
        </div>
      )}
      {!descriptor && !placeholder && activity.type !== 'action' && <div className="flow-node-warning">Unknown activity type “{activity.type}”</div>}
      {winner && (
        <div className="flow-node-winner" data-testid={`winner-${id}`} title={winner.summary}>
          Winner: {winner.port} ({Math.round(winner.probabilityBest * 1000) / 10}% best); every new customer takes it
        </div>
      )}
      {(sim || waiting !== undefined) && (
        <div className="flow-node-badges">
          {sim && (
            <span className="count-badge sim" data-testid={`sim-${id}`} title="Customers reaching this step in the dry run">
              {formatNumber(sim.entered)} entered
            </span>
          )}
          {waiting !== undefined && (
            <span className="count-badge waiting" data-testid={`waiting-${id}`} title="Customers waiting here now">
              {formatNumber(waiting)} waiting
            </span>
          )}
        </div>
      )}
      {problems && (
        <ul className="flow-node-problems" data-testid={`node-problem-${id}`} role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {(ports.length > 1 || (deco.advanced && ports.length > 0)) && (
        <div className="flow-node-ports">
          {ports.map((port) => (
            <span key={port} className="port-label" data-testid={`port-${id}-${port}`}>
              {words(port)}
              {sim && sim.ports[port] !== undefined && <span className="port-count"> {formatNumber(sim.ports[port])}</span>}
            </span>
          ))}
        </div>
      )}
      {ports.map((port, i) => (
        <Handle
          key={port}
          id={port}
          type="source"
          position={Position.Bottom}
          className="handle-out"
          style={{ left: `${((i + 0.5) / ports.length) * 100}%` }}
          title={`Drag from “${words(port)}” to the next step`}
        />
      ))}
      {!deco.readOnly &&
        deco.onInsert &&
        open.map((port) => (
          <AddAfterButton
            key={port}
            left={`${((ports.indexOf(port) + 0.5) / ports.length) * 100}%`}
            label={`Add a step after ${title}${ports.length > 1 ? ` (${words(port)})` : ''}`}
            testId={`add-after-${id}-${port}`}
            onClick={() => deco.onInsert?.({ after: id, port })}
          />
        ))}
    </div>
  );
}

export function TriggerNodeView({ data, selected }: NodeProps<TriggerNode>) {
  const deco = useDecorations();
  const problems = deco.problems.get(TRIGGER_NODE_ID);
  const classes = ['flow-node', 'flow-node-trigger'];
  if (selected) classes.push('selected');
  if (problems) classes.push('has-problem');
  return (
    <div className={classes.join(' ')} data-testid="node-trigger">
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden="true">
          <StepIcon type="trigger" />
        </span>
        <span className="flow-node-title">Trigger</span>
      </div>
      <div className="flow-node-summary">{describeTrigger(data.trigger, deco.segmentName)}</div>
      {problems && (
        <ul className="flow-node-problems" data-testid={`node-problem-${TRIGGER_NODE_ID}`} role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <Handle id="start" type="source" position={Position.Bottom} className="handle-out" title="Trigger: start" />
      {!deco.readOnly && deco.onInsert && !deco.startId && (
        <AddAfterButton left="50%" label="Add the first step" testId="add-after-trigger" onClick={() => deco.onInsert?.({ after: TRIGGER_NODE_ID, port: 'start' })} />
      )}
    </div>
  );
}

export const nodeTypes: NodeTypes = {
  activity: ActivityNodeView,
  trigger: TriggerNodeView,
};
