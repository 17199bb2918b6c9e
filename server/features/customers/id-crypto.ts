import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * ID-card numbers are sensitive personal information (PIPL art. 28): stored only as AES-256-GCM
 * ciphertext, matched through an HMAC, shown as the last 4 characters. Keys come from configuration.
 */
export interface IdCrypto {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Deterministic keyed hash for matching; never reversible. */
  hash(plain: string): string;
}

export function createIdCrypto(key: Buffer): IdCrypto {
  if (key.length !== 32) throw new Error('MANYI_ENCRYPTION_KEY must be 32 bytes (base64 or hex)');
  const encKey = createHmac('sha256', key).update('manyi:id-card:encrypt').digest();
  const macKey = createHmac('sha256', key).update('manyi:id-card:match').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(cipher) {
      const raw = Buffer.from(cipher.replace(/^v1\./, ''), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain.toUpperCase()).digest('hex');
    },
  };
}

export function parseKey(text: string): Buffer {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}
