import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Real local stand-ins for outside systems: an SMTP server and a WeCom group-robot webhook. */

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}
function decodeQp(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Parses the single-part text messages nodemailer writes (headers, base64 / quoted-printable / 7bit body). */
export function parseMail(raw: string): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return { messageId: header('Message-ID'), to: header('To'), subject: decodeWords(header('Subject')), text };
}

export interface LocalSmtp {
  url: string;
  /** Messages the server accepted (answered 250 to). */
  accepted: ReceivedMail[];
  /**
   * Called with each message before it is accepted; a delay here keeps the client waiting, and `false`
   * refuses the message (451), as a server does when the client vanished mid-transaction.
   */
  beforeAccept: (mail: ReceivedMail, index: number) => Promise<boolean | void> | boolean | void;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<LocalSmtp> {
  let seen = 0;
  const ctx: LocalSmtp = { url: '', accepted: [], beforeAccept: () => {}, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'));
        void Promise.resolve(ctx.beforeAccept(mail, seen++)).then((accept) => {
          if (accept === false) return callback(new Error('451 transaction not completed'));
          ctx.accepted.push(mail);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  ctx.url = `smtp://127.0.0.1:${port}`;
  ctx.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return ctx;
}

export interface LocalRobot {
  /** Webhook URL in WeCom's shape: …/cgi-bin/webhook/send?key=… */
  url: string;
  /** Markdown content of every accepted post, with its time. */
  posts: { at: number; content: string }[];
  /** Answer the next N posts with errcode 45009 ("too many messages"). */
  refuseNext: number;
  close(): Promise<void>;
}

export async function startRobot(key = 'a1b2c3d4-0000-4000-8000-robotkey9z8y'): Promise<LocalRobot> {
  const ctx: LocalRobot = { url: '', posts: [], refuseNext: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const ok = req.method === 'POST' && req.url === `/cgi-bin/webhook/send?key=${key}`;
      if (!ok) return res.end(JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' }));
      if (ctx.refuseNext > 0) {
        ctx.refuseNext--;
        return res.end(JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }));
      }
      const msg = JSON.parse(body) as { markdown: { content: string } };
      ctx.posts.push({ at: Date.now(), content: msg.markdown.content });
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  ctx.url = `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=${key}`;
  ctx.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return ctx;
}
