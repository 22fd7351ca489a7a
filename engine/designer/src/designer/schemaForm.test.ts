import { describe, expect, it } from 'vitest';
import { defaultsFor, fieldFromSchema, missingRequired, parseFieldInput, schemaToFields } from './schemaForm';
import { UndoHistory } from './history';

describe('schema → form fields', () => {
  const schema = {
    type: 'object',
    required: ['template', 'expression'],
    properties: {
      template: { type: 'string', title: 'Email template' },
      expression: { type: 'string' },
      filter: { type: 'string', format: 'expression' },
      maxPerDay: { type: 'integer', minimum: 0, default: 3 },
      discount: { type: ['number', 'null'] },
      urgent: { type: 'boolean' },
      channel: { type: 'string', enum: ['email', 'sms'] },
      tone: { oneOf: [{ const: 'friendly', title: 'Friendly' }, { const: 'formal', title: 'Formal' }] },
      sender: { type: 'object', required: ['address'], properties: { address: { type: 'string' }, name: { type: 'string' } } },
      metadata: { type: 'object' },
      tags: { type: 'array', items: { type: 'string' } },
    },
  };

  it('makes one control per property with the right kind, label and required mark', () => {
    const fields = schemaToFields(schema);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(fields.map((f) => f.name)).toEqual(Object.keys(schema.properties));
    expect(byName.template).toMatchObject({ kind: 'string', label: 'Email template', required: true });
    expect(byName.expression).toMatchObject({ kind: 'expression', required: true });
    expect(byName.filter.kind).toBe('expression');
    expect(byName.maxPerDay).toMatchObject({ kind: 'integer', label: 'Max per day', minimum: 0, required: false });
    expect(byName.discount.kind).toBe('number');
    expect(byName.urgent.kind).toBe('boolean');
    expect(byName.channel.options?.map((o) => o.value)).toEqual(['email', 'sms']);
    expect(byName.tone.options).toEqual([
      { value: 'friendly', label: 'Friendly' },
      { value: 'formal', label: 'Formal' },
    ]);
    expect(byName.sender.kind).toBe('object');
    expect(byName.sender.fields?.map((f) => [f.name, f.required])).toEqual([
      ['address', true],
      ['name', false],
    ]);
    expect(byName.metadata.kind).toBe('json');
    expect(byName.tags).toMatchObject({ kind: 'array', item: { kind: 'string' } });
  });

  it('follows $ref definitions and nullable wrappers as NJsonSchema writes them', () => {
    const split = {
      type: 'object',
      additionalProperties: false,
      properties: {
        branches: { type: 'array', items: { $ref: '#/definitions/SplitBranch' } },
        fallback: { oneOf: [{ type: 'null' }, { $ref: '#/definitions/SplitBranch' }] },
      },
      definitions: {
        SplitBranch: { type: 'object', properties: { port: { type: 'string' }, percent: { type: 'number', format: 'double' } } },
      },
    };
    const [branches, fallback] = schemaToFields(split);
    expect(branches.kind).toBe('array');
    expect(branches.item?.kind).toBe('object');
    expect(branches.item?.fields?.map((f) => [f.name, f.kind])).toEqual([
      ['port', 'string'],
      ['percent', 'number'],
    ]);
    expect(fallback.kind).toBe('object');
    expect(fallback.fields?.length).toBe(2);
  });

  it('leaves out excluded properties and copes with no schema', () => {
    expect(schemaToFields(schema, ['template', 'expression']).some((f) => f.name === 'template')).toBe(false);
    expect(schemaToFields(null)).toEqual([]);
    expect(schemaToFields({ type: 'object' })).toEqual([]);
  });

  it('fills defaults, and nested required objects', () => {
    expect(defaultsFor(schema)).toEqual({ maxPerDay: 3 });
    expect(defaultsFor({ type: 'object', required: ['sender'], properties: { sender: { type: 'object', properties: { name: { type: 'string', default: 'Shop' } } } } })).toEqual({
      sender: { name: 'Shop' },
    });
  });

  it('parses typed input', () => {
    expect(parseFieldInput(fieldFromSchema('n', { type: 'integer' }, false), '4.7')).toBe(4);
    expect(parseFieldInput(fieldFromSchema('n', { type: 'number' }, false), '0.25')).toBe(0.25);
    expect(parseFieldInput(fieldFromSchema('n', { type: 'number' }, false), '')).toBeUndefined();
    expect(parseFieldInput(fieldFromSchema('e', { enum: [1, 2] }, false), '2')).toBe(2);
    expect(parseFieldInput(fieldFromSchema('s', { type: 'string' }, false), '')).toBeUndefined();
  });

  it('lists required fields left empty, nested ones included', () => {
    const fields = schemaToFields(schema);
    expect(missingRequired(fields, { template: ' ', sender: {} })).toEqual(['Email template', 'Expression', 'Sender › Address']);
    expect(missingRequired(fields, { template: 'a', expression: 'true', sender: { address: 'x@y.z' } })).toEqual([]);
  });
});

describe('undo history', () => {
  it('undoes and redoes snapshots in order', () => {
    const h = new UndoHistory<number>();
    h.record(1);
    h.record(2);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBeUndefined();
    expect(h.redo(1)).toBe(2);
    expect(h.redo(2)).toBe(3);
    expect(h.canRedo).toBe(false);
  });

  it('records typing in one field as one step', () => {
    const h = new UndoHistory<string>(100, 1000);
    h.record('', 'name', 0);
    h.record('a', 'name', 200);
    h.record('ab', 'name', 400);
    expect(h.undo('abc')).toBe('');
    expect(h.canUndo).toBe(false);
  });

  it('drops the redo branch after a new change', () => {
    const h = new UndoHistory<number>();
    h.record(1);
    h.undo(2);
    h.record(1);
    expect(h.canRedo).toBe(false);
  });
});
