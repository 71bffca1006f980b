/**
 * Run profiles: how many fast-check cases the property and stateful checks try (`RunConfig.runs`). The property
 * helper (src/suite/property.ts) scales each check's numRuns from this number, so one figure sets the depth of
 * the whole run. `default` keeps a full run of every suite against the embedded reference under a minute on two
 * cores; `nightly` searches ten times deeper for scheduled runs. An explicit `--runs` wins over the profile.
 */
export interface RunProfile {
  readonly name: RunProfileName;
  readonly runs: number;
  readonly description: string;
}

export const DEFAULT_PROFILE_RUNS = 50;

const PROFILES = {
  default: { runs: DEFAULT_PROFILE_RUNS, description: 'every-commit depth: the full run stays under a minute' },
  nightly: { runs: DEFAULT_PROFILE_RUNS * 10, description: 'ten times more cases, for scheduled runs' },
} as const;

export type RunProfileName = keyof typeof PROFILES;

export const RUN_PROFILE_NAMES = Object.keys(PROFILES) as readonly RunProfileName[];

/** The profile named `name`; an unknown name throws an error that lists the known ones. */
export function resolveProfile(name: string): RunProfile {
  if (!Object.hasOwn(PROFILES, name)) {
    throw new Error(`unknown run profile "${name}" (known: ${RUN_PROFILE_NAMES.join(', ')})`);
  }
  const profile = PROFILES[name as RunProfileName];
  return { name: name as RunProfileName, runs: profile.runs, description: profile.description };
}
