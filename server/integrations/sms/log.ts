import type { SmsAdapter } from './sms';

/**
 * Development provider: the message goes to the server log instead of a phone (the number masked, the
 * text — with its link — in full, so a developer can open it). Never configure it in production.
 */
export function logAdapter(log: (line: string) => void): SmsAdapter {
  return {
    kind: 'log',
    async send(msg) {
      const to = msg.to.length >= 7 ? `${msg.to.slice(0, 3)}****${msg.to.slice(-4)}` : '****';
      log(`[sms:log] to ${to} key ${msg.idempotencyKey}: ${msg.sender}${msg.text}`);
      return { ok: true, retry: false, status: 200, response: 'logged' };
    },
  };
}
