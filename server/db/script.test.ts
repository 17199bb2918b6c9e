import { describe, expect, it } from 'vitest';
import { splitStatements } from './script';

describe('splitStatements', () => {
  it('splits on semicolons outside quotes, comments and $$ bodies', () => {
    const script = `
      create table a (x text default 'a;b'); -- a comment; with a semicolon
      create function f() returns trigger language plpgsql as $$
      begin raise exception 'no; never'; end $$;
      select 1`;
    const parts = splitStatements(script);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain("'a;b'");
    expect(parts[1]).toContain("raise exception 'no; never'; end $$");
    expect(parts[2]).toBe('select 1');
  });
});
