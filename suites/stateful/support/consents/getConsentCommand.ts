import type fc from 'fast-check';
import { consentAt, type ConsentsModel, type ConsentsReal, type ModelConsent } from './model.js';
import { expectReadById } from './readBack.js';

/** GET /v1/consents/{id} of any consent the model knows: as set up while it is there, a 404 once removed. */
export class GetConsentCommand implements fc.AsyncCommand<ConsentsModel, ConsentsReal> {
  private label = '';

  constructor(readonly slot: number) {}

  check(model: Readonly<ConsentsModel>): boolean {
    return model.consents.length > 0;
  }

  async run(model: ConsentsModel, real: ConsentsReal): Promise<void> {
    const consent = consentAt(model, this.slot) as ModelConsent;
    this.label = consent.label;
    await expectReadById(real, consent, '');
  }

  toString(): string {
    return `get ${this.label || `slot ${this.slot}`}`;
  }
}
