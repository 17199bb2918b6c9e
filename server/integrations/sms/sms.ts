import { logAdapter } from './log';
import { webhookAdapter } from './webhook';

/**
 * SMS / message providers behind one small interface (SPEC §1.7: "SMS sending is not described; treat it as
 * an interface"). A dealer configures one provider; `webhook` posts to the dealer's own gateway, `log`
 * (development) only writes the message to the server log.
 */
export interface SmsMessage {
  /** A mainland mobile number, digits only. */
  to: string;
  text: string;
  /** The same key on every retry of one message, so a gateway can drop duplicates. */
  idempotencyKey: string;
  /** The signature the gateway puts in front of the text (【上海一店】); may be empty. */
  sender: string;
}

export interface SmsResult {
  ok: boolean;
  /** false: the provider refused the message for good (a 4xx other than 408/429); do not retry. */
  retry: boolean;
  status: number;
  response: string;
}

export interface SmsAdapter {
  readonly kind: 'webhook' | 'log';
  send(msg: SmsMessage): Promise<SmsResult>;
}

export interface ProviderConfig {
  kind: 'webhook' | 'log';
  url: string | null;
  secret: string | null;
}

export function smsAdapter(p: ProviderConfig, log: (line: string) => void = console.log): SmsAdapter {
  if (p.kind === 'webhook') {
    if (!p.url || !p.secret) throw new Error('the webhook provider needs its URL and secret');
    return webhookAdapter({ url: p.url, secret: p.secret });
  }
  return logAdapter(log);
}

/** A gateway URL must be https (plain http only on a loopback address, for tests and local gateways). */
export function checkGatewayUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  const host = url.hostname.toLowerCase();
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) return 'the gateway must use https';
  if (url.username || url.password) return 'the URL must not contain credentials; use the shared secret';
  return null;
}
