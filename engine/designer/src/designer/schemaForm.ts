import type { JsonSchema } from '../api';
import { humanize } from '../common/format';

export type FieldKind = 'string' | 'text' | 'expression' | 'duration' | 'template' | 'number' | 'integer' | 'boolean' | 'enum' | 'object' | 'array' | 'json';

export interface FieldOption {
  value: string | number | boolean | null;
  label: string;
}

/** One control of a form generated from a JSON schema. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  placeholder?: string;
  options?: FieldOption[];
  /** Object fields: the nested controls. */
  fields?: FieldSpec[];
  /** Array fields: the control for one item. */
  item?: FieldSpec;
  defaultValue?: unknown;
  minimum?: number;
  maximum?: number;
}

/**
 * Follows "$ref": "#/definitions/X" (NJsonSchema) or "#/$defs/X", and unwraps the nullable forms
 * generators write ("oneOf": [{ "type": "null" }, X], "allOf": [X]), so the form sees the real schema.
 */
export function resolveSchema(schema: JsonSchema | null | undefined, root: JsonSchema | null | undefined, depth = 0): JsonSchema {
  if (!schema) return {};
  if (depth > 20) return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (target && typeof target === 'object') {
      const { $ref: _ignored, ...rest } = schema;
      void _ignored;
      return resolveSchema({ ...(target as JsonSchema), ...rest }, root, depth + 1);
    }
    return {};
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const variants = schema[key] as JsonSchema[] | undefined;
    if (!Array.isArray(variants)) continue;
    const real = variants.filter((v) => !(v && v.type === 'null'));
    if (real.length === 1 && !('const' in real[0])) {
      const { [key]: _ignored, ...rest } = schema;
      void _ignored;
      return resolveSchema({ ...rest, ...resolveSchema(real[0], root, depth + 1) }, root, depth + 1);
    }
  }
  return schema;
}

function primaryType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  return t;
}

function enumOptions(schema: JsonSchema): FieldOption[] | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum
      .filter((v) => v !== null || schema.enum!.length === 1)
      .map((v) => ({ value: v as FieldOption['value'], label: typeof v === 'string' ? v : String(v) }));
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.length > 0 && variants.every((v) => v && 'const' in v)) {
    return variants.map((v) => ({ value: v.const as FieldOption['value'], label: v.title ?? String(v.const) }));
  }
  return undefined;
}

/** Is this a field holding a profile expression? Named "expression" or "…Expression", or format "expression". */
export function isExpressionField(name: string, schema: JsonSchema): boolean {
  return schema.format === 'expression' || name === 'expression' || /Expression$/.test(name);
}

/** Is this a field holding an ISO 8601 duration? Format "duration", or named "duration" or "timeout" (the wait activities). */
export function isDurationField(name: string, schema: JsonSchema): boolean {
  return schema.format === 'duration' || name === 'duration' || name === 'timeout';
}

export function fieldFromSchema(name: string, raw: JsonSchema, required: boolean, root: JsonSchema = raw): FieldSpec {
  const schema = resolveSchema(raw, root);
  const base = {
    name,
    label: schema.title ?? humanize(name),
    required,
    description: schema.description,
    defaultValue: schema.default,
  };
  const options = enumOptions(schema);
  if (options) return { ...base, kind: 'enum', options };

  const type = primaryType(schema) ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string': {
      if (isExpressionField(name, schema)) return { ...base, kind: 'expression', placeholder: 'e.g. Features.PricingViews7d >= 2' };
      if (isDurationField(name, schema)) return { ...base, kind: 'duration' };
      if (schema.format === 'email-template') return { ...base, kind: 'template' };
      const long = schema.format === 'textarea' || schema.format === 'multiline' || (schema.maxLength ?? 0) > 200;
      return { ...base, kind: long ? 'text' : 'string' };
    }
    case 'number':
      return { ...base, kind: 'number', minimum: schema.minimum, maximum: schema.maximum };
    case 'integer':
      return { ...base, kind: 'integer', minimum: schema.minimum, maximum: schema.maximum };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        return { ...base, kind: 'object', fields: schemaToFields(schema, [], root) };
      }
      return { ...base, kind: 'json' };
    case 'array':
      return { ...base, kind: 'array', item: fieldFromSchema('item', schema.items ?? {}, false, root) };
    default:
      return { ...base, kind: isExpressionField(name, schema) ? 'expression' : 'json' };
  }
}

/** The controls for an object schema's properties, in the schema's order. */
export function schemaToFields(raw: JsonSchema | null | undefined, exclude: readonly string[] = [], root: JsonSchema | null | undefined = raw): FieldSpec[] {
  const schema = resolveSchema(raw, root);
  if (!schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties)
    .filter(([name]) => !exclude.includes(name))
    .map(([name, property]) => fieldFromSchema(name, property ?? {}, required.has(name), root ?? schema));
}

/** The schema's defaults as a value: what a new node starts with. */
export function defaultsFor(raw: JsonSchema | null | undefined, root: JsonSchema | null | undefined = raw): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const schema = resolveSchema(raw, root);
  if (!schema.properties) return value;
  for (const [name, rawProperty] of Object.entries(schema.properties)) {
    const property = resolveSchema(rawProperty, root);
    if (property.default !== undefined && property.default !== null) value[name] = structuredClone(property.default);
    else if (property.properties && (schema.required ?? []).includes(name)) value[name] = defaultsFor(property, root);
  }
  return value;
}

/** Turns what the person typed into the value stored; '' means "not set". */
export function parseFieldInput(field: FieldSpec, raw: string): unknown {
  if (field.kind === 'number' || field.kind === 'integer') {
    if (raw.trim() === '') return undefined;
    const n = Number(raw);
    if (Number.isNaN(n)) return raw;
    return field.kind === 'integer' ? Math.trunc(n) : n;
  }
  if (field.kind === 'enum') {
    if (raw === '') return undefined;
    const option = field.options?.find((o) => String(o.value) === raw);
    return option ? option.value : raw;
  }
  if (field.kind === 'boolean') return raw === 'true';
  return raw === '' ? undefined : raw;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The labels of required fields left empty (nested objects included), for a hint before the server says so. */
export function missingRequired(fields: readonly FieldSpec[], value: Record<string, unknown> | null | undefined, prefix = ''): string[] {
  const missing: string[] = [];
  for (const field of fields) {
    const v = value?.[field.name];
    if (field.required && isEmpty(v) && field.kind !== 'boolean') missing.push(prefix + field.label);
    if (field.kind === 'object' && field.fields && v && typeof v === 'object') {
      missing.push(...missingRequired(field.fields, v as Record<string, unknown>, `${prefix}${field.label} › `));
    }
  }
  return missing;
}

/** Sets (or removes, for undefined) one property of a value, returning a new object. */
export function withField<T extends Record<string, unknown>>(value: T, name: string, next: unknown): T {
  const copy: Record<string, unknown> = { ...value };
  if (next === undefined) delete copy[name];
  else copy[name] = next;
  return copy as T;
}

/** "Branches" → "Branch", "Tags" → "Tag": the label of one item of a list. */
export function singular(label: string): string {
  if (/(ch|sh|ss|x)es$/i.test(label)) return label.slice(0, -2);
  if (/[^s]s$/i.test(label)) return label.slice(0, -1);
  return label;
}
