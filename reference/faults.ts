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

/** `<KEY>-<rule>` for each operation key: the catalog names one requirement per operation for a shared rule. */
const each = (rule: string, ...keys: string[]): string[] => keys.map((key) => `${key}-${rule}`);
const PERMISSION_CHECKED = [
  'CLIENTS-CREATE',
  'CLIENTS-LIST',
  'CLIENTS-DELETE-ALL',
  'CLIENTS-GET',
  'CLIENTS-UPDATE',
  'CLIENTS-DELETE',
  'CLIENTS-RESOURCES',
  'CONSENTS-LIST',
  'CONSENTS-GET',
  'CONSENTS-DELETE-USER',
  'MANAGE-CONSENTS-LIST',
  'MANAGE-CONSENTS-DELETE',
];

const FAULT_LIST = [
  {
    name: 'create-status-200',
    description: 'POST /v1/clients answers 200 instead of 201.',
    violates: ['CLIENTS-CREATE-201'],
  },
  {
    name: 'no-permission-check',
    description: 'Permission lists are not enforced: any valid token of the right type passes.',
    violates: each('PERM-OUTSIDE-LIST-REJECTED', ...PERMISSION_CHECKED),
  },
  {
    name: 'no-tenant-check',
    description:
      "Lookups ignore the token's tenant: a token of another tenant that names the same app id reaches its clients and consents.",
    violates: [
      ...each('ISOLATION-OTHER-TENANT', ...PERMISSION_CHECKED.filter((key) => key !== 'CLIENTS-CREATE')),
      ...each('ISOLATION-APP', 'ME-CONSENTS-LIST', 'ME-CONSENTS-REVOKE'),
    ],
  },
  {
    name: 'put-merges-objects',
    description:
      'PUT /v1/clients/{clientId} merges object-valued fields into the stored ones instead of replacing them.',
    violates: ['CLIENTS-UPDATE-OBJECT-FIELDS-REPLACED'],
  },
  {
    name: 'deleted-client-readable',
    description: 'DELETE /v1/clients/{clientId} answers 204 but keeps the client, so it can still be read.',
    violates: ['CLIENTS-DELETE-GONE'],
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
