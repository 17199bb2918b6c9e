import { maskText } from '../../../core/rules/redact';

/**
 * WeCom (企业微信) group robot: POST JSON to the webhook URL. A robot takes about 20 messages a minute, its URL
 * is a secret (anyone holding it can post), and a group is seen by many people: callers send digests, store the
 * URL encrypted and pass every text through `redactForGroup`.
 */
export const WECOM_MAX_BYTES = 4000;

/** Mainland mobiles written with spaces, dashes or +86, which the plain masker leaves alone. */
const SPACED_MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;
/** Any other run of 11+ digits, separators allowed (ID numbers, landlines with area code): keep 3 + 4. */
const LONG_DIGITS = /(?<![0-9A-Za-z])\d(?:[\s-]?\d){10,}[Xx]?(?![0-9A-Za-z])/g;

/** Masks every mobile number, ID number and other long number in a text meant for a group chat. */
export function redactForGroup(text: string): string {
  return maskText(text)
    .replace(SPACED_MOBILE, '$1****$2')
    .replace(LONG_DIGITS, (m) => {
      const d = m.replace(/[\s-]/g, '');
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    });
}

/** Cuts a UTF-8 text to at most `max` bytes without splitting a character. */
export function truncateBytes(text: string, max = WECOM_MAX_BYTES): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  return `${new TextDecoder().decode(bytes.subarray(0, max - 3)).replace(/\uFFFD+$/, '')}…`;
}

export interface RobotReply {
  ok: boolean;
  status: number;
  body: string;
}

/** Posts one markdown message. `ok` only when WeCom answers errcode 0 (45009 means "too many messages"). */
export async function postToRobot(url: string, markdown: string, timeoutMs = 10_000): Promise<RobotReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'markdown', markdown: { content: truncateBytes(markdown) } }),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  const body = (await res.text()).slice(0, 1000);
  let errcode: unknown;
  try {
    errcode = (JSON.parse(body) as { errcode?: unknown }).errcode;
  } catch {
    errcode = undefined;
  }
  return { ok: res.ok && errcode === 0, status: res.status, body };
}

/** A webhook URL is accepted only on an allowed host, over https (http only for a loopback test host). */
export function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.includes(host)) return `host ${host} is not an allowed WeCom host (MANYI_WECOM_HOSTS)`;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) return 'the webhook must use https';
  if (url.username || url.password) return 'the webhook URL must not contain credentials';
  return null;
}

/** What the UI may show of a saved URL: the host and the last 4 characters of the key. */
export function webhookHint(raw: string): string {
  const url = new URL(raw);
  const key = url.searchParams.get('key') ?? url.pathname;
  return `${url.host}/…${key.slice(-4)}`;
}
