import type fc from 'fast-check';
import { OP } from '../../../support/operationAuth.js';
import { expectListing, expectNo5xx, type ConsentsModel, type ConsentsReal, type UserKey } from './model.js';

/** GET /v1/consents/me with `user`'s token: every consent of that user, and no other user's (decisions.md #25). */
export class ListMyConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  constructor(readonly user: UserKey) {}

  check(): boolean {
    return true;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    const listed = await real.cis.listMyConsents(await real.userToken(this.user));
    expectNo5xx(real.expect, listed.response, OP.ME_CONSENTS_LIST);
    real.expect.status(listed.response, 200, { requirement: 'ME-CONSENTS-LIST-200' });
    expectListing(real.expect, model, listed.ok ? listed.body : undefined, {
      where: `GET /v1/consents/me as ${this.user}`,
      belongs: (m) => m.user === this.user,
      missingRule: () => 'ME-CONSENTS-LIST-ALL-OWN',
      strayRule: () => 'ME-CONSENTS-LIST-ISOLATION-USER',
    });
  }

  toString(): string {
    return `me-list ${this.user}`;
  }
}
