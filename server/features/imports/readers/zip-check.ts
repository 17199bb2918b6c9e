import yauzl from 'yauzl';
import { formatBytes, ImportFileError } from './types';

/** Entries smaller than this are never called bombs: a tiny, very repetitive XML part can compress 100:1 honestly. */
const RATIO_MIN_BYTES = 1024 * 1024;
const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });

const unreadable = (e: unknown) =>
  new ImportFileError('UNREADABLE_FILE', `The .xlsx file is not a valid zip archive: ${(e as Error).message}`);

/**
 * Reads only the zip central directory (no decompression) and refuses a zip bomb: too many entries, a sum of
 * declared uncompressed sizes above the limit, or an entry that claims to expand more than 100-fold.
 * Returns the entry names (so the caller can check it is a workbook).
 */
export async function checkZipDirectory(file: string, maxUncompressedBytes: number): Promise<string[]> {
  const zip = await openZip(file).catch((e: unknown) => {
    throw unreadable(e);
  });
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new ImportFileError('ZIP_BOMB', `The .xlsx archive has ${zip.entryCount} entries (limit ${MAX_ENTRIES})`, {
      entries: zip.entryCount,
      limit: MAX_ENTRIES,
    });
  }
  return new Promise<string[]>((resolve, reject) => {
    const names: string[] = [];
    let total = 0;
    const fail = (e: ImportFileError) => {
      try {
        zip.close();
      } catch {}
      reject(e);
    };
    zip.on('error', (e: unknown) => fail(unreadable(e)));
    zip.on('end', () => resolve(names));
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      total += entry.uncompressedSize;
      const bomb = bombReason(entry, total, maxUncompressedBytes);
      if (bomb) return fail(bomb);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function bombReason(entry: yauzl.Entry, total: number, limit: number): ImportFileError | null {
  if (total > limit) {
    return new ImportFileError(
      'ZIP_BOMB',
      `The .xlsx file would expand to more than ${formatBytes(limit)} when unpacked (reached ${formatBytes(total)} at entry "${entry.fileName}"); it was refused before unpacking`,
      { uncompressedBytes: total, limit },
    );
  }
  const { uncompressedSize: size, compressedSize: packed } = entry;
  const ratio = size / Math.max(packed, 1);
  if (size >= RATIO_MIN_BYTES && ratio > MAX_RATIO) {
    return new ImportFileError(
      'ZIP_BOMB',
      `The .xlsx entry "${entry.fileName}" expands ${Math.round(ratio)}-fold (${formatBytes(packed)} → ${formatBytes(size)}; limit ${MAX_RATIO}-fold); it was refused before unpacking`,
      { entry: entry.fileName, ratio, limit: MAX_RATIO },
    );
  }
  return null;
}
