import fc from 'fast-check';
import { compileNodes } from './compile.js';
import {
  declaredTypes,
  deeper,
  expand,
  keywordsOf,
  numbersOf,
  type CompileContext,
  type Conjunction,
} from './conjunction.js';
import { canonicalJson } from './json.js';
import { filterOrDrop, UnsatisfiableSchemaError } from './probe.js';
import { childNode, type SchemaNode } from './schemaNode.js';

/** The array keywords of a conjunction, gathered from every node. */
export interface ArrayShape {
  /** Schemas for the positions before `items` takes over (from the first node with `prefixItems`). */
  readonly prefix: SchemaNode[];
  /** Every `items` schema that applies after the prefix; empty when nothing constrains the items. */
  readonly items: SchemaNode[];
  /** `items: false`: nothing may follow the prefix. */
  readonly closed: boolean;
  readonly minItems: number;
  /** From `maxItems`; undefined when no node bounds the length. */
  readonly maxItems: number | undefined;
  readonly unique: boolean;
  /** Each `contains` schema: at least one item must satisfy each. */
  readonly contains: SchemaNode[];
}

export function arrayShape(nodes: Conjunction, at: string): ArrayShape {
  const withPrefix = nodes.find((n) => Array.isArray(keywordsOf(n).prefixItems));
  const prefix = withPrefix
    ? (keywordsOf(withPrefix).prefixItems as unknown[]).map((_, i) => childNode(withPrefix, 'prefixItems', i))
    : [];
  const itemNodes = nodes.filter((n) => keywordsOf(n).items !== undefined);
  const closed = itemNodes.some((n) => keywordsOf(n).items === false);
  const maxes = numbersOf(nodes, 'maxItems');
  const minItems = Math.max(0, ...numbersOf(nodes, 'minItems'));
  let maxItems = maxes.length > 0 ? Math.min(...maxes) : undefined;
  if (closed) maxItems = Math.min(maxItems ?? prefix.length, prefix.length);
  if (maxItems !== undefined && maxItems < minItems) throw new UnsatisfiableSchemaError(`minItems > maxItems at ${at}`);
  if (withPrefix && nodes.some((n) => keywordsOf(n).contains !== undefined))
    throw new Error(`prefixItems together with contains is not supported, at ${at}`);
  return {
    prefix,
    items: closed ? [] : itemNodes.map((n) => childNode(n, 'items')),
    closed,
    minItems,
    maxItems,
    unique: nodes.some((n) => keywordsOf(n).uniqueItems === true),
    contains: nodes.filter((n) => keywordsOf(n).contains !== undefined).map((n) => childNode(n, 'contains')),
  };
}

/** The longest array to generate: the schema's bound, capped by `maxItems` (or `minItems` past `maxDepth`). */
export function generatedMaxLength(shape: ArrayShape, ctx: CompileContext): number {
  const least = Math.max(shape.minItems, shape.contains.length);
  const cap = ctx.depth >= ctx.config.maxDepth ? least : Math.max(least, ctx.config.maxItems);
  return Math.min(shape.maxItems ?? cap, cap);
}

/**
 * An upper bound on how many distinct values the items can take (enum/const/boolean/null), else Infinity.
 * `fc.uniqueArray` never returns when asked for more distinct items than exist, so this is checked first.
 */
export function distinctItemBound(shape: ArrayShape, ctx: CompileContext): number {
  if (shape.items.length === 0) return Infinity;
  const nodes = expand(shape.items, ctx.config);
  const counts = nodes.map((n) => {
    const s = keywordsOf(n);
    return 'const' in s ? 1 : Array.isArray(s.enum) ? s.enum.length : Infinity;
  });
  const types = declaredTypes(nodes);
  if (types && types.every((t) => t === 'boolean' || t === 'null'))
    counts.push(types.reduce((sum, t) => sum + (t === 'boolean' ? 2 : 1), 0));
  return Math.min(...counts);
}

/** Arrays of valid items with `minLength..maxLength` elements, unique when the schema says so. */
export function itemsArray(
  shape: ArrayShape,
  ctx: CompileContext,
  at: string,
  minLength: number,
  maxLength: number,
): fc.Arbitrary<unknown[]> {
  if (shape.unique && minLength > distinctItemBound(shape, ctx))
    throw new UnsatisfiableSchemaError(`${minLength} unique items cannot be made from the items schema at ${at}`);
  const inner = deeper(ctx, at);
  const item = shape.items.length > 0 ? compileNodes(shape.items, inner) : fc.jsonValue({ maxDepth: 1 });
  return shape.unique
    ? fc.uniqueArray(item, { minLength, maxLength, selector: canonicalJson })
    : fc.array(item, { minLength, maxLength });
}

/**
 * Valid arrays (without `prefixItems`) of `minLength..maxLength` items: items valid against `items`, plus one
 * item for each `contains` schema, inserted at a generated position.
 */
export function validArray(
  shape: ArrayShape,
  ctx: CompileContext,
  at: string,
  minLength: number,
  maxLength: number,
): fc.Arbitrary<unknown[]> {
  const wanted = shape.contains.length;
  if (wanted === 0) return itemsArray(shape, ctx, at, minLength, maxLength);
  if (maxLength < wanted)
    throw new UnsatisfiableSchemaError(`room for ${maxLength} items but ${wanted} contains at ${at}`);
  const inner = deeper(ctx, at);
  const containing = shape.contains.map((node) => compileNodes([node, ...shape.items], inner));
  const arrays = fc
    .tuple(
      itemsArray(shape, ctx, at, Math.max(0, minLength - wanted), maxLength - wanted),
      fc.tuple(...containing),
      fc.nat(),
    )
    .map(([items, extra, position]) => {
      const out = [...items];
      for (const item of extra) out.splice(position % (out.length + 1), 0, item);
      return out;
    });
  const unique = (a: unknown[]) => new Set(a.map(canonicalJson)).size === a.length;
  return shape.unique ? filterOrDrop(arrays, unique, `unique arrays with contains at ${at}`) : arrays;
}

export function compileArray(nodes: Conjunction, ctx: CompileContext, at: string): fc.Arbitrary<unknown> {
  const shape = arrayShape(nodes, at);
  const maxLength = generatedMaxLength(shape, ctx);
  if (shape.prefix.length === 0) return validArray(shape, ctx, at, shape.minItems, maxLength);
  // A tuple: the prefix positions in order, then (unless closed) items up to the length chosen.
  const inner = deeper(ctx, at);
  const positions = shape.prefix.map((node) => compileNodes([node], inner));
  const tuples = fc.integer({ min: shape.minItems, max: maxLength }).chain((length) => {
    const head = fc.tuple(...positions.slice(0, length));
    const tail = Math.max(0, length - positions.length); // always 0 for a closed tuple
    return tail > 0
      ? fc.tuple(head, itemsArray(shape, ctx, at, tail, tail)).map(([h, t]) => [...h, ...t])
      : head.map((h) => [...h]);
  });
  return shape.unique
    ? filterOrDrop(tuples, (a) => new Set(a.map(canonicalJson)).size === a.length, `unique tuples at ${at}`)
    : tuples;
}
