import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { AppError } from '../../http/errors';
import { createIdCrypto, type IdCrypto, parseKey } from './id-crypto';

let cached: { key: string; crypto: IdCrypto } | undefined;

/**
 * The ID-card key: MANYI_ENCRYPTION_KEY, or for the embedded database a key generated once into
 * `<data dir>/secret.key` (mode 0600; back it up with the data). A server database needs the variable.
 */
export function getIdCrypto(config: Config): IdCrypto {
  let text = config.encryptionKey;
  if (!text && !config.databaseUrl) {
    const file = path.join(config.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    text = fs.readFileSync(file, 'utf8');
  }
  if (!text) {
    throw new AppError(
      'BAD_REQUEST',
      'ID-card numbers need an encryption key: set MANYI_ENCRYPTION_KEY (32 bytes, base64) or do not map an ID column',
    );
  }
  if (cached?.key !== text) cached = { key: text, crypto: createIdCrypto(parseKey(text)) };
  return cached.crypto;
}
