import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * Response serializer: a compiled fast-json-stringify function built from the zod response schema's JSON
 * Schema (the same one the OpenAPI document shows). Like zod's encoder it writes only the declared fields —
 * an undeclared property on the returned object (a raw phone number, a hash) never reaches the client —
 * and a missing required field fails the response; unlike zod it does not re-check every value (type,
 * enum, pattern), which cost 150–320 µs per "next call" answer against ~30 µs for the write itself
 * (decision 0017). The handlers' return types are checked against the same schemas at compile time.
 *
 * A schema that JSON Schema cannot express (transforms, dates, custom checks) keeps zod's serializer.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  // Compiled on a route's first answer: compiling all ~300 at start-up took half a second per app.
  let serialize: ((data: unknown) => string) | undefined;
  return (data) => {
    serialize ??= compile(route);
    return serialize(data);
  };
};

function compile(route: Parameters<FastifySerializerCompiler<unknown>>[0]): (data: unknown) => string {
  const json = toSerializerSchema(route.schema);
  if (json) {
    try {
      return fastJson(json) as (data: unknown) => string;
    } catch {
      // A JSON Schema construct fast-json-stringify does not handle: zod's serializer below.
    }
  }
  return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
}

/** The output JSON Schema of a zod response schema, simplified for serialisation; null when not representable. */
export function toSerializerSchema(schema: unknown): Schema | null {
  if (!(schema instanceof z.ZodType)) return null;
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as JsonSchema;
  } catch {
    return null;
  }
  return simplify(json) as Schema;
}

/**
 * Drops what only validation needs (patterns, bounds, formats other than date-time) and turns
 * `anyOf: [X, {type: 'null'}]` — zod's `.nullable()` — into `X` with `type: [X's type, 'null']`, so the
 * serializer does not run a validator to pick the branch of every nullable field.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (VALIDATION_ONLY.has(key)) continue;
    if (key === 'format' && value !== 'date-time' && value !== 'date' && value !== 'time') continue;
    // Undeclared properties are never written either way; without `false` an object with extra keys still
    // matches its branch of a union (zod strips them too).
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = key === 'properties' || key === 'definitions' ? mapValues(value as JsonSchema) : simplify(value);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex >= 0 && other && typeof other.type === 'string' && !('anyOf' in other) && !('$ref' in other)) {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

function mapValues(obj: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(obj)) out[k] = simplify(v);
  return out;
}

const VALIDATION_ONLY = new Set([
  '$schema',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'multipleOf',
  'description',
  'examples',
]);
