import type { ActivityDefinition, ActivityDescriptor } from '../api';
import { defaultsFor } from './schemaForm';

/** The palette as the designer looks it up: built-in activity types and plugin action types. */
export interface PaletteIndex {
  activities: Map<string, ActivityDescriptor>;
  actions: Map<string, ActivityDescriptor>;
}

export function indexPalette(descriptors: readonly ActivityDescriptor[]): PaletteIndex {
  const activities = new Map<string, ActivityDescriptor>();
  const actions = new Map<string, ActivityDescriptor>();
  for (const d of descriptors) {
    if (isPluginAction(d)) actions.set(d.type, d);
    else activities.set(d.type, d);
  }
  return { activities, actions };
}

export const emptyPalette: PaletteIndex = { activities: new Map(), actions: new Map() };

/** Plugin actions have kind "action" and a type other than the built-in "action". */
export function isPluginAction(d: ActivityDescriptor): boolean {
  return d.kind === 'action' && d.type !== 'action';
}

/** The action type an action node runs ("email.send"), or undefined. */
export function actionTypeOf(activity: ActivityDefinition): string | undefined {
  return activity.type === 'action' && typeof activity.action === 'string' && activity.action ? activity.action : undefined;
}

/** The descriptor that describes the node: the plugin action's for action nodes, else the activity type's. */
export function descriptorFor(activity: ActivityDefinition, palette: PaletteIndex): ActivityDescriptor | undefined {
  const action = actionTypeOf(activity);
  if (action) return palette.actions.get(action) ?? palette.activities.get('action');
  return palette.activities.get(activity.type);
}

/** A step's name as its card shows it: the name the marketer gave it, else its type's name, else its id. */
export function activityName(activity: ActivityDefinition, palette: PaletteIndex): string {
  return activity.displayName || descriptorFor(activity, palette)?.displayName || activity.id;
}

/** The test id of a palette item: palette-<type>, or palette-action-<actionType> for plugin actions. */
export function paletteTestId(d: ActivityDescriptor): string {
  return isPluginAction(d) ? `palette-action-${d.type}` : `palette-${d.type}`;
}

/** Activity types that never come from the palette: the trigger is the workflow's own node. */
export const notAddable = new Set(['trigger']);

/** A readable, unique id for a new node: "condition", "condition-2", "email-send". */
export function newActivityId(base: string, existing: ReadonlySet<string>): string {
  const slug =
    base
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'activity';
  const stem = slug === 'trigger' ? 'step' : slug;
  if (!existing.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!existing.has(candidate)) return candidate;
  }
}

/** A new node for a palette item, with the schema's defaults filled in. */
export function createActivity(d: ActivityDescriptor, existing: ReadonlySet<string>): ActivityDefinition {
  if (isPluginAction(d)) {
    return {
      id: newActivityId(d.type, existing),
      type: 'action',
      action: d.type,
      input: defaultsFor(d.inputSchema),
    };
  }
  const settings = defaultsFor(d.inputSchema);
  delete settings.id;
  delete settings.type;
  const activity: ActivityDefinition = { ...settings, id: newActivityId(d.type, existing), type: d.type };
  if (d.type === 'action') {
    activity.action ??= '';
    activity.input ??= {};
  }
  // A split needs branches to have ports: start with the palette's ports, shared equally.
  if (d.type === 'split' && !Array.isArray(activity.branches) && d.ports.length > 0) {
    const share = Math.floor(100 / d.ports.length);
    activity.branches = d.ports.map((port, i) => ({ port, percent: i === 0 ? 100 - share * (d.ports.length - 1) : share }));
  }
  // An A/B test's variants are its ports: start with the palette's, shared equally.
  if (d.type === 'abTest' && !Array.isArray(activity.variants) && d.ports.length > 0) {
    activity.variants = d.ports.map((port) => ({ port, percent: 100 / d.ports.length }));
  }
  // A fork's branches are its ports: start with the palette's two.
  if (d.type === 'fork' && (!Array.isArray(activity.branches) || activity.branches.length === 0) && d.ports.length > 0) {
    activity.branches = [...d.ports];
  }
  // A switch's ports are its cases and 'default': start with one case to fill in.
  if (d.type === 'switch' && (!Array.isArray(activity.cases) || activity.cases.length === 0)) {
    activity.cases = [{ port: 'case1', condition: '' }];
  }
  return activity;
}

/** Groups the palette by category, in a stable order, leaving out what cannot be added. */
export function groupPalette(descriptors: readonly ActivityDescriptor[], filter = ''): { category: string; items: ActivityDescriptor[] }[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, ActivityDescriptor[]>();
  for (const d of descriptors) {
    if (notAddable.has(d.type)) continue;
    if (
      needle &&
      !d.displayName.toLowerCase().includes(needle) &&
      !d.type.toLowerCase().includes(needle) &&
      !(d.description ?? '').toLowerCase().includes(needle)
    )
      continue;
    const category = d.category || (isPluginAction(d) ? 'Actions' : 'Other');
    const list = groups.get(category) ?? [];
    list.push(d);
    groups.set(category, list);
  }
  return [...groups.entries()].map(([category, items]) => ({ category, items }));
}
