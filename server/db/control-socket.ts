import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A local control channel for a running embedded-database server, so `manyi backup` can take a
 * consistent copy without opening the directory twice. Unix socket, owner-only (0600).
 */
export function controlSocketPath(dataDir: string): string {
  const inDir = path.join(dataDir, 'manyi.sock');
  if (inDir.length < 100) return inDir;
  const id = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `manyi-${id}.sock`);
}

export type ControlRequest = { cmd: 'backup'; file: string };
export type ControlResponse = { ok: true; bytes: number } | { ok: false; error: string };

export async function startControlServer(dataDir: string, handle: (req: ControlRequest) => Promise<ControlResponse>) {
  const socketPath = controlSocketPath(dataDir);
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk) => {
      buf += chunk;
      if (buf.length > 10_000) return conn.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let reply: Promise<ControlResponse>;
      try {
        const req = JSON.parse(buf.slice(0, nl)) as ControlRequest;
        reply =
          req.cmd === 'backup' && typeof req.file === 'string'
            ? handle(req)
            : Promise.resolve({ ok: false, error: 'unknown command' });
      } catch {
        reply = Promise.resolve({ ok: false, error: 'bad request' });
      }
      void reply
        .catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : JSON.stringify(e) }))
        .then((r) => conn.end(`${JSON.stringify(r)}\n`));
    });
    conn.on('error', () => conn.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(socketPath, { force: true });
  };
}

export function sendControl(dataDir: string, req: ControlRequest, timeoutMs = 120_000): Promise<ControlResponse> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(controlSocketPath(dataDir));
    let buf = '';
    const timer = setTimeout(() => {
      conn.destroy();
      reject(new Error('The running server did not answer in time'));
    }, timeoutMs);
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify(req)}\n`));
    conn.on('data', (c) => (buf += c));
    conn.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buf) as ControlResponse);
      } catch {
        reject(new Error('The running server sent an unreadable answer'));
      }
    });
    conn.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
