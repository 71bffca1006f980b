import { describe, expect, it } from 'vitest';
import { assertKnownKeywords, childNode, followRef, pointer, rootNode } from '../../src/arbitraries/schemaNode.js';
import { resolveArbitraryOptions } from '../../src/arbitraries/types.js';

const other = { $id: 'other.schema.json', $defs: { a: { type: 'string' } } };
const config = resolveArbitraryOptions({ resolve: (file) => (file === 'other.schema.json' ? other : {}) });

describe('schema nodes', () => {
  it('a root takes its $id, else the document id given', () => {
    expect(rootNode({ $id: 'x.json' }, 'y.json').at).toBe('x.json#');
    expect(rootNode({}, 'y.json').at).toBe('y.json#');
  });
  it('children carry their location, with ~ and / escaped', () => {
    const node = childNode(rootNode({ properties: { 'a/b~': { type: 'string' } } }, 'd.json'), 'properties', 'a/b~');
    expect(node.at).toBe('d.json#/properties/a~1b~0');
  });
  it('a nested $id is refused', () => {
    expect(() => childNode(rootNode({ properties: { a: { $id: 'n.json' } } }), 'properties', 'a')).toThrow(
      /nested \$id/,
    );
  });
  it('follows #/ pointers, files and file#pointers', () => {
    const root = rootNode(
      {
        $defs: { b: { type: 'integer' } },
        properties: {
          x: { $ref: '#/$defs/b' },
          y: { $ref: 'other.schema.json#/$defs/a' },
          z: { $ref: 'other.schema.json' },
        },
      },
      'main.json',
    );
    expect(followRef(childNode(root, 'properties', 'x'), config).at).toBe('main.json#/$defs/b');
    const y = followRef(childNode(root, 'properties', 'y'), config);
    expect([y.at, y.doc.id]).toEqual(['other.schema.json#/$defs/a', 'other.schema.json']);
    expect(followRef(childNode(root, 'properties', 'z'), config).schema).toBe(other);
  });
  it('anchors are refused with a clear error', () => {
    expect(() => followRef(rootNode({ $ref: '#anchor' }), config)).toThrow(/anchors/);
  });
  it('unknown keywords are named with their location; annotations and x-* pass', () => {
    expect(() => assertKnownKeywords(rootNode({ type: 'string', minProperties: 1 }, 'k.json'))).toThrow(
      /"minProperties" at k\.json#/,
    );
    expect(() => assertKnownKeywords(rootNode({ title: 't', $comment: 'c', examples: [], 'x-note': 1 }))).not.toThrow();
  });
  it('builds instance pointers', () => {
    expect(pointer('/a', 'b/c')).toBe('/a/b~1c');
    expect(pointer('', 0)).toBe('/0');
  });
});
