import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');
/** Sessions are stored by the SHA-256 of their token, so a database leak gives no usable cookie. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
