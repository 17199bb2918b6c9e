import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

/**
 * Link tokens: 32 bytes (256 bits) from the OS CSPRNG, base64url (43 characters). Only the SHA-256 of a token
 * is stored, so a database copy holds no usable link; a token is compared by looking its hash up (no secret
 * string comparison in JavaScript, hence nothing to time).
 */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const isTokenShaped = (token: string) => TOKEN_RE.test(token);

/** The customer's address of a link: `<base>/s/<token>`. */
export function linkUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/s/${token}`;
}

/** The address as an SVG QR code in a data URL (medium error correction; prints and scans from a screen). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
