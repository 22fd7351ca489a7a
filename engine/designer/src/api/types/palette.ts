// ---- palette and expressions ----

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  [key: string]: unknown;
}

export interface ActivityDescriptor {
  type: string;
  kind: 'activity' | 'action';
  category: string;
  displayName: string;
  description: string;
  ports: string[];
  inputSchema: JsonSchema | null;
  budgetAffecting: boolean;
  estimatedCost: number;
  plugin?: string | null;
  /** Ports that follow a setting's value: a ruleSet node leaves by its rule set's rules. */
  portsBySetting?: { setting: string; ports: Record<string, string[]> } | null;
}

export interface ExpressionMember {
  name: string;
  type: 'int' | 'double' | 'decimal' | 'bool' | 'string' | string;
  description?: string;
  /** "days" for day counts (DaysInactive): the rule editor offers days or weeks. */
  unit?: string | null;
  /** What a marketer reads in the picker when the name is an expression ("In segment “At risk”"). */
  label?: string;
}

export interface ExpressionProblem {
  message: string;
  position?: number | null;
}

export interface ExpressionValidation {
  valid: boolean;
  problems: ExpressionProblem[];
}
