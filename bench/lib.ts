import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time the load generator itself used (µs), when it ran in a child process. */
  loaderCpuUs?: number;
}

/** Runs autocannon against one URL and returns requests/second. */
export async function load(
  url: string,
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const r = await autocannon({
    url,
    duration: opts.seconds,
    connections: opts.connections,
    headers: opts.headers ?? {},
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export function result(name: string, ratio: number, goal: string) {
  process.stdout.write(`RESULT ${name} ratio=${ratio.toFixed(3)} goal=${goal}\n`);
}

/**
 * Runs autocannon in a child process, off the event loop of the server under test: a load generator in the
 * server's own loop spends the server's CPU time on building requests and parsing responses, which a real
 * client (a browser on another machine) never does. Each connection sends its own headers
 * (`connectionHeaders[i % length]`), e.g. one session per simulated user.
 */
export async function loadInChild(
  url: string,
  opts: {
    seconds: number;
    connections: number;
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    /** A JSON body for every request (sent with content-type application/json). */
    body?: string;
    connectionHeaders?: Record<string, string>[];
  },
): Promise<LoadResult> {
  const { spawn } = await import('node:child_process');
  const { createRequire } = await import('node:module');
  const autocannonPath = createRequire(import.meta.url).resolve('autocannon');
  const job = JSON.stringify({ autocannonPath, url, ...opts, connectionHeaders: opts.connectionHeaders ?? [{}] });
  const child = spawn(process.execPath, ['-e', LOAD_CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(job);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(out) as LoadResult;
}

/** The child's script (CommonJS, run with node -e): the job as JSON on stdin, the result as JSON on stdout. */
const LOAD_CHILD = `
let input = '';
process.stdin.setEncoding('utf8').on('data', (c) => (input += c)).on('end', () => {
  const w = JSON.parse(input);
  const autocannon = require(w.autocannonPath);
  const type = w.body === undefined ? {} : { 'content-type': 'application/json' };
  // One autocannon instance per distinct header set, with fixed headers: autocannon then builds each
  // request's bytes once (a setupRequest hook would rebuild them for every request, on this machine's CPU).
  const groups = w.connectionHeaders.map((headers, i) => ({
    headers: { ...type, ...headers },
    connections: Math.floor(w.connections / w.connectionHeaders.length) + (i < w.connections % w.connectionHeaders.length ? 1 : 0),
  })).filter((g) => g.connections > 0);
  const start = process.cpuUsage();
  Promise.all(groups.map((g) => autocannon({
    url: w.url,
    method: w.method ?? 'GET',
    body: w.body,
    headers: g.headers,
    duration: w.seconds,
    connections: g.connections,
  }))).then((rs) => {
    const cpu = process.cpuUsage(start);
    const sum = (f) => rs.reduce((a, r) => a + f(r), 0);
    process.stdout.write(JSON.stringify({
      rps: sum((r) => r.requests.average),
      p99: Math.max(...rs.map((r) => r.latency.p99)),
      errors: sum((r) => r.errors),
      non2xx: sum((r) => r.non2xx),
      loaderCpuUs: cpu.user + cpu.system,
    }));
  }, (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
});
`;
