/**
 * Consents isolation for client tokens (decisions.md #12): another app's or tenant's token neither reads nor deletes
 * the owner's consent by id, and never finds it in a listing, with or without filters.
 */
import { check } from '../../../src/suite/index.js';
import { cisOf } from '../../support/cis.js';
import { OP, OPERATION_RECIPES } from '../../support/operationRecipes.js';
import { fullAccessToken } from '../../support/ownerAccess.js';
import { registerByIdIsolation } from './byId.js';
import { castFor, expectNotListed, intrudersOf } from './cast.js';

const CELLS = { 'OTHER-APP': 'another app', 'OTHER-TENANT': 'another tenant' } as const;
const recipe = OPERATION_RECIPES[OP.CONSENTS_LIST];

export function registerConsentsIsolation(): void {
  registerByIdIsolation(OP.CONSENTS_GET, 'consent');
  registerByIdIsolation(OP.CONSENTS_DELETE_USER, 'consent');
  for (const rule of ['OTHER-APP', 'OTHER-TENANT'] as const) {
    const title = `the consents of ${CELLS[rule]} are never listed, with or without filters`;
    check(
      {
        requirement: `CONSENTS-LIST-ISOLATION-${rule}`,
        title,
        cell: CELLS[rule],
        needsStateHook: recipe.needsStateHook,
      },
      async (c) => {
        const cast = await castFor(c);
        const op = await recipe.prepare(c, cast.owner);
        const ids = [op.consentId ?? ''];
        const filters: { client_id?: string; user_id?: string }[] = [
          {},
          { client_id: op.clientId },
          { user_id: op.userId },
          { client_id: op.clientId, user_id: op.userId },
        ];
        for (const intruder of intrudersOf(cast, rule)) {
          const token = await fullAccessToken(c, intruder.app, OP.CONSENTS_LIST);
          for (const query of filters) {
            const filter = { clientId: query.client_id, userId: query.user_id };
            const { response: res } = await cisOf(c).listConsents(token, filter);
            expectNotListed(c, res, 'consent_id', ids, `${intruder.label} (filters ${JSON.stringify(query)})`);
          }
        }
      },
    );
  }
}
