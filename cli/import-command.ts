import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../core/rules/dms-fields';
import type { Config } from '../server/config';
import type { Db } from '../server/db/client';
import { systemActor } from '../server/features/imports/system-actor';
import { createUpload, startRun } from '../server/features/imports/imports.service';
import * as q from '../server/features/imports/imports.queries';
import { CliError, withDatabase } from './context';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Prints rows done, rows/s and ETA to stderr while the run is going. */
function progressPrinter(db: Db, dealerId: string, runId: string, err: (s: string) => void) {
  const started = Date.now();
  const timer = setInterval(() => {
    void q.findRun(db, dealerId, runId).then((r) => {
      if (!r || r.status !== 'running') return;
      const secs = (Date.now() - started) / 1000;
      const rate = r.processedRows / Math.max(secs, 0.001);
      const total = r.totalRows;
      const pct = total ? ` (${((100 * r.processedRows) / Math.max(total, 1)).toFixed(1)}%)` : '';
      const eta = total && rate > 0 ? `  ETA ${Math.max(0, Math.round((total - r.processedRows) / rate))}s` : '';
      err(
        `\r  ${fmt(r.processedRows)}${total ? ` / ${fmt(total)}` : ''} rows${pct}  ${fmt(Math.round(rate))} rows/s${eta}   `,
      );
    });
  }, 500);
  return () => clearInterval(timer);
}

export function importCommand(getConfig: () => Config, out: (s: string) => void) {
  return new Command('import')
    .description(
      'Import a DMS export (.xlsx, .xls, .csv in UTF-8 or GBK) for one dealer; columns are mapped by the saved mapping or the built-in header presets',
    )
    .requiredOption('--dealer <code>', 'dealer code, e.g. SH001')
    .requiredOption('--kind <kind>', `one of ${IMPORT_KINDS.join(', ')}`)
    .argument('<file>', 'the exported file')
    .action(async (file: string, o: { dealer: string; kind: string }) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(o.kind))
        throw new CliError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`, 2);
      if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`, 2);
      const config = getConfig();
      await withDatabase(config, async ({ db }) => {
        const dealer = await db
          .selectFrom('dealers')
          .select(['id', 'code', 'name', 'regionId'])
          .where('code', '=', o.dealer)
          .executeTakeFirst();
        if (!dealer) throw new CliError(`No dealer with code ${o.dealer}`, 2);
        const actor = systemActor(dealer);
        const upload = await createUpload(db, config, actor, {
          kind: o.kind as ImportKind,
          fileName: path.basename(file),
          stream: fs.createReadStream(file),
        });
        const missing = Object.values(upload.suggestedMapping).filter(Boolean).length === 0;
        if (missing)
          throw new CliError(
            'No column of this file matches a known header; map the columns in the web UI first (the mapping is then saved)',
            1,
          );
        out(
          `Importing ${path.basename(file)} (${upload.run.format}${upload.run.encoding ? `, ${upload.run.encoding}` : ''}) as ${o.kind} for ${dealer.code}, mapping from ${upload.mappingSource}`,
        );
        const stop = progressPrinter(db, dealer.id, upload.run.id, (s) => process.stderr.write(s));
        try {
          const run = await startRun(
            db,
            config,
            actor,
            upload.run.id,
            { mapping: upload.suggestedMapping, saveMapping: false },
            { wait: true },
          );
          process.stderr.write('\n');
          if (run.status !== 'completed') throw new CliError(`Import ${run.status}: ${run.error ?? ''}`, 1);
          out(
            `Done: ${fmt(run.processedRows)} rows — ${fmt(run.inserted)} inserted, ${fmt(run.updated)} updated, ${fmt(run.unchanged)} unchanged, ${fmt(run.rejected)} rejected.`,
          );
          if (run.rejected)
            out(`Rejected rows: GET /api/imports/${run.id}/rejects.xlsx (or the import page in the web UI).`);
        } finally {
          stop();
        }
      });
    });
}
