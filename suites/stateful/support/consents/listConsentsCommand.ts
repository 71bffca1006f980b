import type fc from 'fast-check';
import { OP } from '../../../support/operationAuth.js';
import {
  expectListing,
  expectNo5xx,
  type ClientKey,
  type ConsentsModel,
  type ConsentsReal,
  type UserKey,
} from './model.js';

export type ListKind = 'consents' | 'manage';

export interface ListFilter {
  readonly client?: ClientKey;
  readonly user?: UserKey;
}

const PREFIX: Record<ListKind, typeof OP.CONSENTS_LIST | typeof OP.MANAGE_CONSENTS_LIST> = {
  consents: OP.CONSENTS_LIST,
  manage: OP.MANAGE_CONSENTS_LIST,
};

/** GET /v1/consents or /v1/manage/consents?app_id=, filtered by client and user or not: exactly the model's. */
export class ListConsentsCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  constructor(
    readonly kind: ListKind,
    readonly filter: ListFilter,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    const { client, user } = this.filter;
    const query = {
      ...(client ? { clientId: real.clients[client] } : {}),
      ...(user ? { userId: real.users[user] } : {}),
    };
    const listed =
      this.kind === 'manage'
        ? await real.cis.listAppConsents(real.read, { appId: real.appId, ...query })
        : await real.cis.listConsents(real.read, query);
    const prefix = PREFIX[this.kind];
    expectNo5xx(real.expect, listed.response, prefix);
    real.expect.status(listed.response, 200, { requirement: `${prefix}-200` });
    const rule = `${prefix}-${client && user ? 'FILTER-BOTH' : client ? 'FILTER-CLIENT' : user ? 'FILTER-USER' : 'NO-FILTER-ALL'}`;
    expectListing(real.expect, model, listed.ok ? listed.body : undefined, {
      where: String(this),
      belongs: (m) => (!client || m.client === client) && (!user || m.user === user),
      missingRule: () => rule,
      strayRule: () => rule,
    });
  }

  toString(): string {
    const query = [
      this.filter.client && `client_id=${this.filter.client}`,
      this.filter.user && `user_id=${this.filter.user}`,
    ];
    const filters = query.filter(Boolean).join('&');
    return `${this.kind === 'manage' ? 'manage-list' : 'list'}${filters ? ` ?${filters}` : ''}`;
  }
}
