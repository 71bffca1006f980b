import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/engine/packageRoot.js';
import { openTarget, probeReachable, probeStateHook } from '../../src/targets/index.js';

const packageRoot = findPackageRoot();

describe('the embedded target', () => {
  it('starts the reference on a loopback port with a working state hook, and stops it', async () => {
    const target = await openTarget({ spec: { kind: 'embedded' }, timeoutMs: 2000, packageRoot });
    expect(target.label).toBe('embedded');
    expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await probeStateHook(target.stateUrl as string, 2000)).toBeNull();
    await target.close();
    expect(await probeReachable(target.baseUrl, 2000)).toMatch(/unreachable \(refused/);
  });

  it('passes the fault through and rejects an unknown one', async () => {
    const target = await openTarget({
      spec: { kind: 'embedded', fault: 'create-status-200' },
      timeoutMs: 2000,
      packageRoot,
    });
    expect(target.fault).toBe('create-status-200');
    await target.close();
    await expect(
      openTarget({ spec: { kind: 'embedded', fault: 'nope' }, timeoutMs: 2000, packageRoot }),
    ).rejects.toThrow(/unknown fault 'nope'/);
  });
});
