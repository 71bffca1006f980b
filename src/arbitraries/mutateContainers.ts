import fc from 'fast-check';
import { arrayShape, distinctItemBound, generatedMaxLength, validArray } from './compileArray.js';
import { memberArbitraries, objectShape } from './compileObject.js';
import { deeper, generatedTypes, locationOf, type Conjunction } from './conjunction.js';
import { mutationSites, type MutateContext, type MutationSite } from './mutate.js';
import { dropIfUnsatisfiable } from './mutateScalars.js';
import { escapePointer } from './schemaNode.js';
import type { InvalidCase, MutationKind } from './types.js';

/** Any small value for a member the schema forbids. */
const extraValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
const site = (kind: MutationKind, arbitrary: fc.Arbitrary<InvalidCase>): MutationSite => ({ kind, arbitrary });
const label = (kind: MutationKind, path: string, keyword: string) => ({ kind, path, keyword });

/** A value for a member nobody declared: a fixed name, so the label's path survives shrinking. */
function extraMemberName(declared: ReadonlySet<string>): string {
  let name = 'unexpected_member';
  while (declared.has(name)) name += '_';
  return name;
}

/** missing-required, forbidden-extra, and every site inside each declared member. */
export function objectSites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  if (!generatedTypes(nodes).includes('object')) return [];
  const at = locationOf(nodes);
  const shape = objectShape(nodes);
  const members = memberArbitraries(shape, ctx, at);
  const without = (key: string | undefined) => {
    const model = { ...members };
    if (key !== undefined) delete model[key];
    const requiredKeys = [...shape.required].filter((k) => k !== key);
    return fc.record(model, { requiredKeys, noNullPrototype: true });
  };
  const sites: MutationSite[] = [];
  if (ctx.config.kinds.has('missing-required'))
    for (const key of shape.required)
      sites.push(
        site(
          'missing-required',
          without(key).map((value) => ({
            value,
            label: label('missing-required', `/${escapePointer(key)}`, 'required'),
          })),
        ),
      );
  if (shape.closedBy && ctx.config.kinds.has('forbidden-extra')) {
    const declared = new Set([...shape.properties.keys(), ...shape.required]);
    const name = extraMemberName(declared);
    sites.push(
      site(
        'forbidden-extra',
        fc.tuple(without(undefined), extraValue).map(([value, extra]) => ({
          value: { ...value, [name]: extra },
          label: label('forbidden-extra', `/${escapePointer(name)}`, 'additionalProperties'),
        })),
      ),
    );
  }
  if (ctx.depth >= ctx.config.maxDepth) return sites;
  const inner: MutateContext = { config: ctx.config, depth: deeper(ctx, at).depth };
  for (const [key, memberNodes] of shape.properties) {
    const others = without(key);
    for (const memberSite of mutationSites(memberNodes, inner))
      sites.push(
        site(
          memberSite.kind,
          fc.tuple(others, memberSite.arbitrary).map(([value, c]) => ({
            value: { ...value, [key]: c.value },
            label: { ...c.label, path: `/${escapePointer(key)}${c.label.path}` },
          })),
        ),
      );
  }
  return sites;
}

/** too-many-items, too-short (minItems), and every site inside an item, placed first or second. */
export function arraySites(nodes: Conjunction, ctx: MutateContext): MutationSite[] {
  if (!generatedTypes(nodes).includes('array')) return [];
  const at = locationOf(nodes);
  const shape = arrayShape(nodes, at);
  const kinds = ctx.config.kinds;
  const sites: MutationSite[] = [];
  const { maxItems, minItems } = shape;
  if (
    maxItems !== undefined &&
    kinds.has('too-many-items') &&
    !(shape.unique && maxItems + 1 > distinctItemBound(shape, ctx))
  )
    sites.push(
      ...dropIfUnsatisfiable(() =>
        site(
          'too-many-items',
          validArray(shape, ctx, at, maxItems + 1, maxItems + 2).map((value) => ({
            value,
            label: label('too-many-items', '', 'maxItems'),
          })),
        ),
      ),
    );
  if (minItems > 0 && kinds.has('too-short'))
    sites.push(
      ...dropIfUnsatisfiable(() =>
        site(
          'too-short',
          validArray(shape, ctx, at, 0, minItems - 1).map((value) => ({
            value,
            label: label('too-short', '', 'minItems'),
          })),
        ),
      ),
    );
  // Items under `prefixItems` are left alone: no schema here uses tuples, and `items` sites cover the rest.
  if (shape.prefix.length > 0 || shape.items.length === 0 || ctx.depth >= ctx.config.maxDepth) return sites;
  if (maxItems === 0) return sites;
  const longest = Math.max(generatedMaxLength(shape, ctx), 1);
  const positions = maxItems === undefined || maxItems >= 2 ? [0, 1] : [0];
  const inner: MutateContext = { config: ctx.config, depth: deeper(ctx, at).depth };
  for (const itemSite of mutationSites(shape.items, inner)) {
    const placed = positions.flatMap((k) =>
      dropIfUnsatisfiable(() => {
        // k valid items before the broken one, then more valid items, within minItems..maxItems in total.
        const restMin = Math.max(k, minItems - 1);
        const rest = validArray(shape, ctx, at, restMin, Math.max(restMin, longest - 1));
        return fc.tuple(rest, itemSite.arbitrary).map(([items, c]): InvalidCase => ({
          value: [...items.slice(0, k), c.value, ...items.slice(k)],
          label: { ...c.label, path: `/${k}${c.label.path}` },
        }));
      }),
    );
    if (placed.length > 0) sites.push(site(itemSite.kind, fc.oneof(...placed)));
  }
  return sites;
}
