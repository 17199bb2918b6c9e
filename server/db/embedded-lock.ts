import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it. Manyi holds
 * `<dir>/manyi.lock` (kept fresh every few seconds) for as long as it has the directory open.
 */
export async function lockDataDir(dataDir: string, onCompromised?: (err: Error) => void): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'manyi.lock'),
      stale: 10_000,
      update: 3_000,
      realpath: false,
      onCompromised:
        onCompromised ??
        ((err) => {
          throw err;
        }),
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(dataDir);
    }
    throw e;
  }
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Manyi process (lock ${path.join(dataDir, 'manyi.lock')}). ` +
        'Stop that process first, or use its control commands (manyi backup works against a running server). ' +
        'A lock left by a crashed process expires by itself within 10 seconds.',
    );
    this.name = 'DataDirLockedError';
  }
}

export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dataDir, 'manyi.lock'))) return false;
  return lockfile.check(dataDir, { lockfilePath: path.join(dataDir, 'manyi.lock'), stale: 10_000, realpath: false });
}
