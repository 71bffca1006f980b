import type { Consent } from './cisBodies.js';

/** What `c.fixtures` sets up through the state hook (src/suite/fixtures.ts). */

export interface AppFixture {
  readonly tenantId: string;
  readonly appId: string;
  readonly appName: string;
  /** The app's default client (created with the app). */
  readonly clientId: string;
}

/** A consent as the state hook created it: the CIS consent body. */
export type ConsentFixture = Readonly<Consent>;
