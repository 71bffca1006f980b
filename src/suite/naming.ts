import type { CheckFamily } from '../model/families.js';
import type { CheckMeta } from './types.js';

/** The vitest test name: `[REQUIREMENT-ID] title (cell)`; `--check` matches on the bracketed id. */
export function checkTestName(meta: CheckMeta): string {
  return `[${meta.requirement}] ${meta.title}${meta.cell ? ` (${meta.cell})` : ''}`;
}

/** vitest `testNamePattern` selecting every check of one requirement (and no id that merely starts the same). */
export function requirementTestNamePattern(requirementId: string): RegExp {
  return new RegExp(`^\\[${requirementId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\] `);
}

/** The record id, unique within a run: `family/REQUIREMENT/cell-or-title`. */
export function checkRecordId(meta: CheckMeta, family: CheckFamily): string {
  return `${family}/${meta.requirement}/${slug(meta.cell ?? meta.title)}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9:[\]]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'check'
  );
}

/** A short stable hash (FNV-1a, base 36), so fixture ids differ between checks that run in parallel workers. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(0, 7);
}
