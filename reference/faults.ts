/**
 * The fault registry (DESIGN.md "Self-test"): each entry is one seeded defect that `serve --fault NAME` (and
 * `run --fault NAME` on the embedded target) switches on, so the suites can prove they catch it. A fault is
 * implemented as one `faults.isOn('name')` test at the exact point of the defect; adding a fault means adding
 * an entry here and that one test where the defect lives.
 */
export interface Fault {
  readonly name: string;
  readonly description: string;
  /** Catalog requirement ids (`schemas/requirements.json`) a conformance run should fail when this fault is on. */
  readonly violates: readonly string[];
}

const FAULT_LIST = [
  {
    name: 'create-status-200',
    description: 'POST /v1/clients answers 200 instead of 201.',
    violates: ['CLIENTS-CREATE-201'],
  },
  {
    name: 'no-permission-check',
    description: 'Permission lists are not enforced: any valid token of the right type passes.',
    violates: ['CLIENTS-CREATE-PERM-OUTSIDE-LIST-REJECTED'],
  },
  {
    name: 'no-tenant-check',
    description:
      "Lookups ignore the token's tenant: a token of another tenant that names the same app id reaches its clients and consents.",
    violates: ['CLIENTS-GET-ISOLATION-TENANT'],
  },
  {
    name: 'put-merges-objects',
    description: 'PUT /v1/clients/{clientId} merges object-valued fields into the stored ones instead of replacing them.',
    violates: ['CLIENTS-UPDATE-PUT-REPLACES-OBJECTS'],
  },
  {
    name: 'deleted-client-readable',
    description: 'DELETE /v1/clients/{clientId} answers 204 but keeps the client, so it can still be read.',
    violates: ['CLIENTS-DELETE-USE-AFTER-DELETE'],
  },
] as const satisfies readonly Fault[];

export type FaultName = (typeof FAULT_LIST)[number]['name'];

export const FAULTS: readonly Fault[] = FAULT_LIST;

/** What the handlers consult. `active` is the one switched-on fault, if any. */
export interface FaultSwitch {
  readonly active?: FaultName;
  isOn(name: FaultName): boolean;
}

/** Resolves a `--fault` value; an unknown name is an error that lists the known ones. */
export function faultSwitch(name?: string): FaultSwitch {
  if (name === undefined || name === '') return { isOn: () => false };
  const fault = FAULT_LIST.find((f) => f.name === name);
  if (!fault) {
    throw new Error(`unknown fault '${name}'; known faults: ${FAULT_LIST.map((f) => f.name).join(', ')}`);
  }
  const active: FaultName = fault.name;
  return { active, isOn: (candidate) => candidate === active };
}
