import type { ActivityDescriptor } from '../api';
import { isPluginAction, type PaletteIndex } from './palette';

// The words the simple view uses for a step's ports; the advanced view shows the ports' own names.
const portWords: Record<string, string> = {
  done: 'next',
  true: 'yes',
  false: 'no',
  pass: 'passes',
  fail: 'fails',
  event: 'did it',
  timeout: 'time ran out',
  default: 'otherwise',
  none: 'no rule fired',
  a: 'A',
  b: 'B',
};

/** A port as a marketer reads it on a card ("yes", "next"), or its own name in the advanced view. */
export function portLabel(port: string, advanced = false): string {
  return advanced ? port : (portWords[port] ?? port);
}

/** The inspector's label for the step a port leads to: "Then", "When yes", "Otherwise". */
export function portPhrase(port: string, advanced = false): string {
  if (advanced) return `When ${port}`;
  if (port === 'done') return 'Then';
  if (port === 'default') return 'Otherwise';
  return `When ${portLabel(port)}`;
}

// Built-in steps whose declared description speaks to developers (ISO 8601, NRules, an API path): the palette's
// one line says what a marketer gets instead. Plugin actions and the rest keep their declared description.
const marketerLines: Record<string, string> = {
  waitForDuration: 'Waits a while (e.g. 3 days), then goes on',
  waitForEvent: 'Waits until the customer does something, or time runs out',
  waitUntil: 'Waits until a time of day, on the days you choose',
  condition: 'Goes on by yes or no, depending on the customer',
  switch: 'Goes on by the first case that holds, else by “otherwise”',
  scoreGate: 'Goes on when a score is high enough',
  ruleSet: 'Lets a saved rule set decide the way on',
  setVariable: 'Remembers a value for later steps',
  externalTask: 'Waits until another system says the task is done',
  fork: 'Runs several branches at once',
  join: 'Waits for the branches of a fork, then goes on',
  split: 'Sends each customer down one branch by percentage',
  approval: 'Waits for an approver to say yes or no',
};

/** The one line under a step's name in the palette and the "+" picker. */
export function stepLine(d: ActivityDescriptor): string {
  const own = (isPluginAction(d) ? undefined : marketerLines[d.type]) ?? d.description ?? '';
  return own.split(/(?<=\.)\s+(?=[A-Z])/)[0];
}

/** How the side panels name steps, actions and ports: plainly, or by the machinery's names in the advanced view. */
export interface PanelWords {
  advanced: boolean;
  step: (id: string) => string;
  action: (type: string) => string;
  port: (port: string) => string;
}

export function panelWordsFor(advanced: boolean, palette: PaletteIndex, stepName: (id: string) => string): PanelWords {
  return {
    advanced,
    step: advanced ? (id) => id : stepName,
    action: (type) => (advanced ? type : (palette.actions.get(type)?.displayName ?? type)),
    port: (port) => portLabel(port, advanced),
  };
}
