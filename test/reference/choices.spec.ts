/**
 * The choice registry against the catalog (docs/decisions.md "Choices"): every inferred requirement and every
 * observation is flipped by some choice or listed as not flippable with its reason; a choice names only
 * requirements that exist and are not documented (a documented rule has no other defensible side).
 */
import { describe, expect, it } from 'vitest';
import { CHOICES, CHOICE_NAMES, choiceSet, flippedBy, NOT_FLIPPABLE } from '../../reference/choices.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { PACKAGE_ROOT } from './support/packageRoot.js';

const catalog = loadCatalog(PACKAGE_ROOT);
const evidenceOf = new Map(catalog.requirements.map((r) => [r.id, r.evidence]));
const flipped = new Set(CHOICES.flatMap((c) => c.flips));
const notFlippable = new Map(NOT_FLIPPABLE.flatMap((entry) => entry.ids.map((id) => [id, entry.reason] as const)));

describe('choice registry', () => {
  it('covers every inferred requirement and observation: flipped by a choice or not flippable with a reason', () => {
    const open = catalog.requirements.filter((r) => r.evidence !== 'documented').map((r) => r.id);
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((id) => !flipped.has(id) && !notFlippable.has(id))).toEqual([]);
  });

  it('names only catalog requirements that are inferred or observations, never documented ones', () => {
    const named = [...flipped, ...notFlippable.keys()];
    expect(named.filter((id) => !evidenceOf.has(id))).toEqual([]);
    expect(named.filter((id) => evidenceOf.get(id) === 'documented')).toEqual([]);
  });

  it('lists no requirement both as flipped and as not flippable', () => {
    expect([...notFlippable.keys()].filter((id) => flipped.has(id))).toEqual([]);
  });

  it('gives every not-flippable group a concrete reason and every choice a description and a flip', () => {
    for (const entry of NOT_FLIPPABLE) {
      expect(entry.ids.length, entry.reason).toBeGreaterThan(0);
      // A reason says why there is no other side: more than a few words, not a placeholder.
      expect(entry.reason.split(/\s+/).length, entry.ids[0]).toBeGreaterThanOrEqual(12);
      expect(entry.reason).not.toMatch(/\b(TODO|TBD|later|not built)\b/i);
    }
    for (const choice of CHOICES) {
      expect(choice.flips.length, choice.name).toBeGreaterThan(0);
      expect(choice.description.length, choice.name).toBeGreaterThan(20);
      expect(new Set(choice.flips).size, choice.name).toBe(choice.flips.length);
    }
    expect(new Set(CHOICE_NAMES).size).toBe(CHOICES.length);
  });
});

describe('choiceSet', () => {
  it('switches nothing on by default, everything with alternate, and the named ones otherwise', () => {
    expect(choiceSet().active).toEqual([]);
    expect(choiceSet('default').active).toEqual([]);
    expect(choiceSet('alternate').active).toEqual(CHOICE_NAMES);
    const one = choiceSet(['consent-delete-204']);
    expect(one.active).toEqual(['consent-delete-204']);
    expect(one.isOn('consent-delete-204')).toBe(true);
    expect(one.isOn('clients-bare')).toBe(false);
  });

  it('isOnFor holds only for the requirements the choice flips', () => {
    const set = choiceSet(['refusals-401']);
    expect(set.isOnFor('refusals-401', 'CLIENTS-GET-PERM-DENIED-403')).toBe(true);
    expect(set.isOnFor('refusals-401', 'CLIENTS-GET-404')).toBe(false);
    expect(choiceSet().isOnFor('refusals-401', 'CLIENTS-GET-PERM-DENIED-403')).toBe(false);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => choiceSet(['bogus'])).toThrow(/unknown choice 'bogus'; known choices: no-issuer-check, /);
  });

  it('flippedBy answers the union of the active choices’ flips', () => {
    expect(flippedBy(choiceSet())).toEqual(new Set());
    expect(flippedBy(choiceSet('alternate'))).toEqual(flipped);
  });
});
