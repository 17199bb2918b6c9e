import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, readRows, sniffFile } from './index';
import { tmpDir, writeBigXlsx, writeCsv, writeSampleXlsx } from './test-fixtures';

const dir = tmpDir();
const at = (name: string) => path.join(dir, name);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);

async function count(file: string, opts: Parameters<typeof readRows>[2] = {}) {
  let n = 0;
  for await (const _ of readRows(file, await sniffFile(file, path.basename(file)), opts)) n++;
  return n;
}

describe('Excel worker isolation', () => {
  it('a worker out of memory gives UNREADABLE_FILE and the process carries on', { timeout: 90_000 }, async () => {
    const small = await writeSampleXlsx(at('small.xlsx'));
    expect(await count(small, { limits: { maxWorkerMemoryMb: 32 } })).toBe(3); // the limit itself is workable
    const big = await writeBigXlsx(at('shared-strings.xlsx'), 100_000, true); // 200k unique shared strings
    const e = await count(big, { limits: { maxWorkerMemoryMb: 32 } }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).code).toBe('UNREADABLE_FILE');
    expect((e as ImportFileError).message).toContain('32 MB memory limit');
    expect(await count(small)).toBe(3); // still alive, and the next read works
  });

  it('an abort signal stops an .xlsx read (and its worker) part-way', async () => {
    const file = await writeBigXlsx(at('abort.xlsx'), 20_000);
    const ac = new AbortController();
    let n = 0;
    const reading = (async () => {
      for await (const _ of readRows(file, { format: 'xlsx', encoding: null }, { signal: ac.signal })) {
        if (++n === 10) ac.abort(new Error('user cancelled'));
      }
    })();
    await expect(reading).rejects.toThrow('user cancelled');
    expect(n).toBeLessThan(2000);
  });

  it('an abort signal stops a CSV read', async () => {
    const file = writeCsv(
      at('abort.csv'),
      Array.from({ length: 5000 }, (_, i) => [`RO${i}`, '张三']),
    );
    const ac = new AbortController();
    let n = 0;
    const reading = (async () => {
      for await (const _ of readRows(file, { format: 'csv', encoding: 'utf-8' }, { signal: ac.signal })) {
        if (++n === 10) ac.abort(new Error('stop'));
      }
    })();
    await expect(reading).rejects.toThrow('stop');
    expect(n).toBe(10);
  });
});

describe('the worker outside Vitest', () => {
  const script = (file: string) => `
    const { readRows } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'server/features/imports/readers/index.ts')).href)});
    const out = [];
    for await (const r of readRows(${JSON.stringify(file)}, { format: 'xlsx', encoding: null })) out.push(r.cells);
    console.log(JSON.stringify(out));`;

  it('works when tsx is registered programmatically, as bin/manyi.mjs does', { timeout: 60_000 }, async () => {
    const file = await writeSampleXlsx(at('cli.xlsx'));
    const code = `import { register } from 'tsx/esm/api'; register(); ${script(file)}`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot });
    expect(JSON.parse(stdout)).toContainEqual(['RO002', '2023-12-31', 0, 0, '普通']);
  });

  it('works under node --import tsx', { timeout: 60_000 }, async () => {
    const file = await writeSampleXlsx(at('import.xlsx'));
    fs.writeFileSync(at('check.mts'), script(file));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', at('check.mts')], { cwd: repoRoot });
    expect(JSON.parse(stdout)[0]).toEqual(['维修工单号', '结算日期', '金额', '合计', '备注', '进厂时间']);
  });
});

describe('CSV throughput (printed, not asserted)', () => {
  it('streams a 200,000-row UTF-8 CSV through readRows', { timeout: 120_000 }, async () => {
    const file = at('throughput.csv');
    const lines = ['维修工单号,结算日期,客户姓名,手机,车牌号,VIN,维修类型,金额,里程,服务顾问'];
    for (let i = 0; i < 200_000; i++) {
      lines.push(
        `RO${i},2024-05-${String((i % 28) + 1).padStart(2, '0')},客户${i},1380013${String(i % 10000).padStart(4, '0')},京A${String(i % 100000).padStart(5, '0')},LSVAU2180N2${String(i).padStart(6, '0')},保养,${(i % 5000) + 0.5},${i * 3},顾问${i % 20}`,
      );
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const started = performance.now();
    const rows = await count(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[readers] 200,000-row CSV (${(fs.statSync(file).size / 1048576).toFixed(1)} MB): ${Math.round(200_000 / seconds)} rows/s (${seconds.toFixed(2)} s, sniff included)`,
    );
    expect(rows).toBe(200_001);
  });
});
