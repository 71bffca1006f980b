import type fc from 'fast-check';
import type { ClientKey, ConsentsModel, ConsentsReal, UserKey } from './model.js';
import { readBack } from './readBack.js';

/** A consent of `user` for `client` through the state hook, read back at once on every read path. */
export class SetupConsentCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  private label = '';

  constructor(
    readonly client: ClientKey,
    readonly user: UserKey,
    readonly scope: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    this.label = `c${model.consents.length + 1}`;
    const id = await real.newConsent(this.client, this.user, this.scope);
    const consent = { id, label: this.label, client: this.client, user: this.user };
    model.consents.push(consent);
    await readBack(model, real, { what: `set-up of ${this.label}`, user: this.user, touched: [consent] });
  }

  toString(): string {
    return `consent ${this.label || 'c?'} = ${this.client}/${this.user} "${this.scope}"`;
  }
}
