import { createHmac } from 'node:crypto';
import type { SmsAdapter, SmsMessage, SmsResult } from './sms';

export const SIGNATURE_HEADER = 'x-manyi-signature';
export const TIMESTAMP_HEADER = 'x-manyi-timestamp';

/**
 * The signature a gateway checks: HMAC-SHA256 over `<timestamp>.<raw body>` with the shared secret, as
 * `sha256=<hex>`. The timestamp (unix seconds) lets the gateway refuse replays older than a few minutes.
 */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * HTTP webhook provider: POSTs `{ to, text, sender, idempotencyKey }` as JSON to the dealer's SMS gateway,
 * signed with the shared secret. 2xx is sent; 408, 429, 5xx and network errors are retried by the job; any
 * other answer is final.
 */
export function webhookAdapter(o: { url: string; secret: string; timeoutMs?: number }): SmsAdapter {
  return {
    kind: 'webhook',
    async send(msg: SmsMessage): Promise<SmsResult> {
      const body = JSON.stringify({
        to: msg.to,
        text: msg.text,
        sender: msg.sender,
        idempotencyKey: msg.idempotencyKey,
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(o.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': msg.idempotencyKey,
          [TIMESTAMP_HEADER]: ts,
          [SIGNATURE_HEADER]: signBody(o.secret, ts, body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const response = (await res.text()).slice(0, 1000);
      const retry = res.status === 408 || res.status === 429 || res.status >= 500;
      return { ok: res.ok, retry: !res.ok && retry, status: res.status, response };
    },
  };
}
