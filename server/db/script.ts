import { type Kysely, sql } from 'kysely';

/**
 * Splits a migration script into statements. PGlite's extended-protocol `query` takes one statement at
 * a time, so scripts are split on `;` outside quotes and `$$` bodies. Only for our own migration SQL.
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  let inQuote = false;
  let inComment = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    const next = script[i + 1];
    if (inComment) {
      if (ch === '\n') inComment = false;
      current += ch;
      continue;
    }
    if (!inDollar && !inQuote && ch === '-' && next === '-') inComment = true;
    else if (!inQuote && ch === '$' && next === '$') {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    } else if (!inDollar && ch === "'") inQuote = !inQuote;
    else if (!inDollar && !inQuote && ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.replace(/--[^\n]*/g, '').trim()) out.push(current.trim());
  return out;
}

export async function execScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}
