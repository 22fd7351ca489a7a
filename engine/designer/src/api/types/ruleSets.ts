// Rule sets (docs/rule-sets.md): stored in the shape Microsoft RulesEngine read, run on NRules.

/** One rule as stored: a leaf with an expression or a group of nested rules; top-level rules carry the outcomes. */
export interface RuleDocument {
  ruleName?: string;
  expression?: string;
  /** And / AndAlso (all hold), Or / OrElse (any holds), Not (none holds). */
  operator?: string;
  rules?: RuleDocument[];
  enabled?: boolean;
  priority?: number;
  requires?: string[];
  unless?: string[];
  assert?: string[];
  set?: Record<string, string>;
  start?: string[];
  suppress?: string;
  [kept: string]: unknown; // localParams, actions, successEvent, errorMessage: kept as they were
}

export interface TriggerBinding {
  trigger: 'segment.entered' | 'segment.exited' | 'score.crossed' | 'event';
  segment?: string;
  score?: string;
  event?: string;
}

export interface RuleSetDocument {
  globalParams?: { name: string; expression: string }[];
  rules: RuleDocument[];
  decides?: TriggerBinding;
}

/** GET /api/rule-sets/{key}: a stored rule set, or a plugin's (read-only, written in C#). */
export interface RuleSetView {
  key: string;
  name: string;
  description: string;
  version: number;
  builtIn?: boolean;
  updatedBy?: string;
  updatedAt?: string;
  rules?: RuleSetDocument;
  plugin?: string | null;
  readOnly?: boolean;
  pluginRules?: { name: string; description: string; priority: number }[] | null;
}

export interface RuleSetSaved {
  key: string;
  version: number;
}

/** The decision for one customer and why: the rules that fired, in firing order, with what each matched. */
export interface RuleSetEvaluation {
  version: number;
  port: string;
  output: string | null;
  rules: { rule: string; held: boolean; output: string | null; error: string | null }[];
  fired: { rule: string; matched: string[] }[];
  values: Record<string, string>;
  suppressedBy: string | null;
  suppression: string | null;
}

/** Whom the test panel tries a draft on: a stored customer, or pasted features and scores. */
export type RuleSetTrialSubject = { customerId: string } | { facts: { features?: unknown; scores?: unknown } };
