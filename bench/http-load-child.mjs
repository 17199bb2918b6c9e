// A lean closed-loop HTTP/1.1 load generator, run as a child process by bench/lib.ts (loadInChild).
//
// Each connection is one simulated user: it sends its request (built once, with its own headers), waits for
// the whole response, then sends the next one, until the time is up. Nothing is pipelined. The job comes as
// JSON on stdin; the result goes as JSON on stdout.
//
// Why not autocannon here: on a two-core machine the load generator shares the cores with the server and the
// database, and autocannon spent 150–300 µs of CPU per request (measured by bench:queue); a user's browser
// on another machine costs the server nothing. This one writes a prepared buffer and reads the
// Content-Length framing, at a fraction of that. It handles exactly what our JSON API answers with (a
// Content-Length body); any other framing is counted as an error.
import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

function requestBytes(url, method, body, headers) {
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: keep-alive'];
  const payload = body === undefined ? null : Buffer.from(body);
  if (payload) lines.push('content-type: application/json', `content-length: ${payload.length}`);
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return payload ? Buffer.concat([head, payload]) : head;
}

/** Bytes of one whole response at the start of `buf`, its status, or null when more bytes are needed. */
function frame(buf) {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return null;
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (!match) throw new Error(`response without Content-Length: ${head.split('\r\n', 1)[0]}`);
  const total = end + HEADER_END.length + Number(match[1]);
  return buf.length < total ? null : { status, total };
}

function runConnection(url, request, until, stats) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let sentAt = 0;
    const send = () => {
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on('connect', send);
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      let f;
      try {
        f = frame(buf);
      } catch (e) {
        stats.errors++;
        stats.message = String(e.message);
        socket.destroy();
        return;
      }
      if (!f) return;
      stats.latencies.push(performance.now() - sentAt);
      if (f.status >= 200 && f.status < 300) stats.ok++;
      else stats.non2xx++;
      buf = buf.subarray(f.total);
      if (Date.now() < until) send();
      else socket.end();
    });
    socket.on('error', (e) => {
      stats.errors++;
      stats.message = String(e.message);
    });
    socket.on('close', resolve);
  });
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const job = JSON.parse(input);
  const url = new URL(job.url);
  const method = job.method ?? 'GET';
  const stats = { ok: 0, non2xx: 0, errors: 0, latencies: [], message: '' };
  const cpu = process.cpuUsage();
  const started = Date.now();
  const until = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, (_, i) => {
      const headers = job.connectionHeaders[i % job.connectionHeaders.length] ?? {};
      return runConnection(url, requestBytes(url, method, job.body, headers), until, stats);
    }),
  );
  const used = process.cpuUsage(cpu);
  const elapsed = (Date.now() - started) / 1000;
  const sorted = stats.latencies.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      rps: stats.ok / elapsed,
      p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
      errors: stats.errors,
      non2xx: stats.non2xx,
      loaderCpuUs: used.user + used.system,
      ...(stats.message ? { message: stats.message } : {}),
    }),
  );
});
