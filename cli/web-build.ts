import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from '../server/http/static';

/** `npm start` builds the web UI once if it is missing (npm install normally builds it in `prepare`). */
export async function ensureWebBuilt(out: (s: string) => void) {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html')) || process.env.MANYI_SKIP_WEB_BUILD === '1') return;
  out('Building the web UI (first start)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: path.resolve(WEB_DIST, '../..'),
  });
  if (r.status !== 0) out('Warning: the web UI build failed; the API still runs. Run `npm run build` to see why.');
}
