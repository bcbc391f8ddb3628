import { describe, expect, it } from 'vitest';
import schemaJson from '../../scenarios/scenario.schema.json';
import { propertyOptions, schemasAt, valueOptions, type SchemaNode } from '../../src/ui/lab/schema-path';

const schema = schemaJson as SchemaNode;

describe('the lab’s completion, from the scenario schema', () => {
  it('offers the top-level properties a scenario may hold, minus those written', () => {
    const names = propertyOptions(schema, [], ['id']).map((p) => p.name);
    expect(names).toContain('title');
    expect(names).toContain('events');
    expect(names).not.toContain('id');
  });

  it('walks arrays and objects to the node at a path', () => {
    expect(propertyOptions(schema, ['events', 3]).map((p) => p.name)).toEqual(
      expect.arrayContaining(['id', 'title', 'text', 'when', 'effects']),
    );
    expect(propertyOptions(schema, ['events', 0, 'when', 1]).map((p) => p.name)).toEqual(
      expect.arrayContaining(['var', 'atLeast', 'atMost']),
    );
    expect(schemasAt(schema, ['nothing-here'])).toEqual([]);
    expect(schemasAt(schema, ['turns', 0])).toEqual([]);
  });

  it('offers listed values: enums and booleans', () => {
    expect(valueOptions(schema, ['difficulty'])).toEqual(['"easy"', '"medium"', '"hard"']);
    expect(valueOptions(schema, ['actions', 0])).toContain('"share-vision"');
    expect(valueOptions(schema, ['events', 2, 'once'])).toEqual(['true', 'false']);
    expect(valueOptions(schema, ['title'])).toEqual([]);
  });

  it('follows local $ref and anyOf', () => {
    const withRefs: SchemaNode = {
      $defs: { level: { enum: ['low', 'high'] } },
      properties: { a: { $ref: '#/$defs/level' }, b: { anyOf: [{ type: 'boolean' }, { enum: [1] }] } },
    };
    expect(valueOptions(withRefs, ['a'])).toEqual(['"low"', '"high"']);
    expect(valueOptions(withRefs, ['b'])).toEqual(['true', 'false', '1']);
  });
});
