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
 * Runs a closed-loop load generator (bench/http-load-child.mjs) in a child process, off the event loop of the
 * server under test: a load generator in the server's own loop spends the server's CPU time on building
 * requests and parsing responses, which a real client (a browser on another machine) never does. Each
 * connection is one user sending its own headers (`connectionHeaders[i % length]`), e.g. its session, one
 * request at a time. `loaderCpuUs` is the CPU time the generator itself used.
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
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./http-load-child.mjs', import.meta.url));
  const job = JSON.stringify({ url, ...opts, connectionHeaders: opts.connectionHeaders ?? [{}] });
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(job);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const r = JSON.parse(out) as LoadResult & { message?: string };
  if (r.message) process.stderr.write(`load generator: ${r.message}\n`);
  return r;
}
