import fc from 'fast-check';
import { compileNodes } from './compile.js';
import { deeper, keywordsOf, type CompileContext, type Conjunction } from './conjunction.js';
import { wordOf } from './formats.js';
import { UnsatisfiableSchemaError } from './probe.js';
import { childNode, type SchemaNode } from './schemaNode.js';

/** The object keywords of a conjunction, gathered from every node. */
export interface ObjectShape {
  /** Each declared member with every node that constrains it. */
  readonly properties: ReadonlyMap<string, SchemaNode[]>;
  readonly required: ReadonlySet<string>;
  /** A node with `additionalProperties: false`, if any: no other member may appear. */
  readonly closedBy: SchemaNode | undefined;
  /** The `additionalProperties` schemas (not `false`) that extra members must satisfy, if any. */
  readonly extras: SchemaNode[] | undefined;
}

export function objectShape(nodes: Conjunction): ObjectShape {
  const properties = new Map<string, SchemaNode[]>();
  const required = new Set<string>();
  let closedBy: SchemaNode | undefined;
  const extras: SchemaNode[] = [];
  for (const node of nodes) {
    const s = keywordsOf(node);
    for (const key of Object.keys((s.properties ?? {}) as object)) {
      const members = properties.get(key) ?? [];
      members.push(childNode(node, 'properties', key));
      properties.set(key, members);
    }
    for (const key of (s.required ?? []) as string[]) required.add(key);
    if (s.additionalProperties === false) closedBy ??= node;
    else if (s.additionalProperties !== undefined && s.additionalProperties !== true)
      extras.push(childNode(node, 'additionalProperties'));
  }
  return { properties, required, closedBy, extras: extras.length > 0 ? extras : undefined };
}

/** Per member, the arbitrary of its valid values; optional members are left out past `maxDepth`. */
export function memberArbitraries(
  shape: ObjectShape,
  ctx: CompileContext,
  at: string,
): Record<string, fc.Arbitrary<unknown>> {
  const inner = deeper(ctx, at);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, members] of shape.properties)
    if (shape.required.has(key) || ctx.depth < ctx.config.maxDepth) model[key] = compileNodes(members, inner);
  for (const key of shape.required) {
    if (shape.properties.has(key)) continue;
    if (shape.closedBy) throw new UnsatisfiableSchemaError(`"${key}" is required but not allowed at ${at}`);
    model[key] = shape.extras ? compileNodes(shape.extras, inner) : fc.jsonValue({ maxDepth: 1 });
  }
  return model;
}

/** Required members always, optional ones present or absent, extra members only where a schema asks for them. */
export function compileObject(nodes: Conjunction, ctx: CompileContext, at: string): fc.Arbitrary<unknown> {
  const shape = objectShape(nodes);
  const record = fc.record(memberArbitraries(shape, ctx, at), {
    requiredKeys: [...shape.required],
    noNullPrototype: true,
  });
  // Without `additionalProperties` the schema allows extra members but real bodies do not carry any, so none
  // are added; a schema-valued `additionalProperties` gets a few.
  if (!shape.extras || shape.closedBy || ctx.depth >= ctx.config.maxDepth) return record;
  const extraValues = compileNodes(shape.extras, deeper(ctx, at));
  return fc
    .tuple(record, fc.dictionary(extraKeyArbitrary(shape), extraValues, { maxKeys: 3, noNullPrototype: true }))
    .map(([members, extra]) => ({ ...extra, ...members }));
}

/** Member names the schema does not declare. */
export function extraKeyArbitrary(shape: ObjectShape): fc.Arbitrary<string> {
  return wordOf('abcdefghijklmnopqrstuvwxyz_', 16).filter(
    (key) => !shape.properties.has(key) && !shape.required.has(key),
  );
}
