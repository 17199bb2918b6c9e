import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NextResult } from '../../core/contracts/callbacks';
import { serializerCompiler, toSerializerSchema } from './serializer';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/t', httpStatus: '200' } as never) as (d: unknown) => string;
const zodCompile = (schema: z.ZodType) =>
  zodSerializerCompiler({ schema, method: 'GET', url: '/t', httpStatus: '200' } as never) as (d: unknown) => string;

describe('response serializer', () => {
  const Item = z.union([
    z.object({ kind: z.literal('a'), n: z.number().int() }),
    z.object({ kind: z.literal('b'), text: z.string().nullable() }),
  ]);
  const Schema = z.object({
    id: z.uuid(),
    items: z.array(Item),
    counts: z.record(z.string(), z.number()),
    at: z.iso.datetime().nullable(),
    note: z.string().optional(),
    customer: z.object({ name: z.string(), phones: z.array(z.string()) }).nullable(),
  });

  it('writes only the declared fields, at every depth, like zod', () => {
    const data = {
      id: '3f1c2a4e-1b2c-4d3e-8f40-123456789abc',
      items: [
        { kind: 'a', n: 2, secret: 'x' },
        { kind: 'b', text: null, passwordHash: 'y' },
      ],
      counts: { open: 3 },
      at: null,
      customer: { name: '王五', phones: ['138****0000'], rawPhone: '13800000000' },
      tokenHash: 'z',
    };
    const out = compile(Schema)(data);
    expect(out).toBe(zodCompile(Schema)(data));
    expect(out).not.toMatch(/secret|passwordHash|rawPhone|13800000000|tokenHash/);
    expect(JSON.parse(out)).toEqual({
      id: data.id,
      items: [
        { kind: 'a', n: 2 },
        { kind: 'b', text: null },
      ],
      counts: { open: 3 },
      at: null,
      customer: { name: '王五', phones: ['138****0000'] },
    });
  });

  it('fails a response that lacks a required field', () => {
    expect(() => compile(NextResult)({ reason: 'empty' })).toThrow(/task/);
  });

  it('answers "next call" exactly as zod did', () => {
    const serialize = compile(NextResult);
    const none = { task: null, reason: 'empty' };
    expect(serialize(none)).toBe(zodCompile(NextResult)(none));
  });

  it('keeps zod for a schema JSON Schema cannot express', () => {
    const Dated = z.object({ at: z.date() });
    expect(toSerializerSchema(Dated)).toBeNull();
    expect(compile(Dated)({ at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"at":"2026-01-02T00:00:00.000Z"}');
    expect(() => compile(Dated)({ at: 'not a date' })).toThrow();
  });

  it('compiles every API contract schema that converts', async () => {
    const dir = fileURLToPath(new URL('../../core/contracts/', import.meta.url));
    const failed: string[] = [];
    let converted = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
      const mod = (await import(`${dir}${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!(value instanceof z.ZodType)) continue;
        const json = toSerializerSchema(value);
        if (!json) continue;
        converted++;
        try {
          fastJson(json);
        } catch (e) {
          failed.push(`${file}:${name}: ${(e as Error).message}`);
        }
      }
    }
    expect(failed).toEqual([]);
    expect(converted).toBeGreaterThan(100);
  });
});
