import type { ImportRun } from '../../../core/contracts/imports';

export interface Throughput {
  /** Rows per second since the run started, or null before there is anything to measure. */
  rowsPerSecond: number | null;
  /** Seconds left at that rate, or null when the total is unknown (Excel) or the rate is. */
  etaSeconds: number | null;
  /** 0–100 when the total row count is known. */
  percent: number | null;
}

type RunProgress = Pick<ImportRun, 'status' | 'totalRows' | 'processedRows' | 'startedAt' | 'finishedAt'>;

/** Rows/s and ETA from processedRows and startedAt (up to `now`, or the finish time once done). */
export function throughput(run: RunProgress, now: number): Throughput {
  const percent =
    run.totalRows !== null && run.totalRows > 0
      ? Math.min(100, Math.floor((run.processedRows / run.totalRows) * 100))
      : run.status === 'completed'
        ? 100
        : null;
  const started = run.startedAt ? Date.parse(run.startedAt) : NaN;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  const elapsed = (end - started) / 1000;
  if (!Number.isFinite(elapsed) || elapsed <= 0 || run.processedRows <= 0) {
    return { rowsPerSecond: null, etaSeconds: null, percent };
  }
  const rowsPerSecond = run.processedRows / elapsed;
  const left = run.totalRows === null ? null : Math.max(0, run.totalRows - run.processedRows);
  const etaSeconds = left === null ? null : Math.ceil(left / rowsPerSecond);
  return { rowsPerSecond, etaSeconds, percent };
}

export interface DurationParts {
  unit: 'seconds' | 'minutes' | 'hours';
  h: number;
  m: number;
  s: number;
}

export function durationParts(totalSeconds: number): DurationParts {
  const total = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return { unit: h > 0 ? 'hours' : m > 0 ? 'minutes' : 'seconds', h, m, s };
}

/** 1234567 → 1,234,567 in the UI language. */
export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}
