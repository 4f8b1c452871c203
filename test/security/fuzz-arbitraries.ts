import { fc } from '@fast-check/vitest';

/** The parts of JSON Schema our OpenAPI document uses (zod's output). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
};

const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
  .map(([a, s, b]) => `${a}${String.fromCharCode(s)}${b}`);

/** Text of every kind: any code point, control characters, lone surrogates, markup, very long. */
export const nastyString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: loneSurrogate, weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u202e',
      '%00',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '${jndi:ldap://x}',
      '{"$ne": null}',
      'NaN',
      '-1',
      '9'.repeat(400),
      '2026-02-30T25:61:00Z',
      '0001-01-01T00:00:00Z',
      '\ufeff',
      '😀'.repeat(50),
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 2000, maxLength: 12_000 }), weight: 1 },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 0.1, 1e-320, 101, 100_000),
);

/** A value of any JSON type, where a field expects one type. */
export const chaos: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 3 },
  { arbitrary: nastyNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

/**
 * Values for a schema: mostly valid (so requests get past validation into the use cases), and at
 * every node now and then a value of the wrong kind, a missing required field or an unknown one.
 */
export function fromSchema(schema: JsonSchema, resolve: (ref: string) => JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFor(schema, resolve, depth);
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: chaos, weight: 1 });
}

function validFor(schema: JsonSchema, resolve: (ref: string) => JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(resolve(schema.$ref), resolve, depth);
  if (depth > 6) return chaos;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, resolve, depth + 1)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], resolve, depth + 1);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(props).map(
        ([k, s]) => [k, fromSchema(s, resolve, depth + 1)] as [string, fc.Arbitrary<unknown>],
      );
      const record = fc.record(Object.fromEntries(entries), {
        requiredKeys: [...required].filter((k) => k in props),
      });
      return fc
        .tuple(
          record,
          fc.option(fc.tuple(fc.string({ maxLength: 10 }), chaos), { freq: 10 }),
          fc.option(fc.constantFrom(...(required.size ? [...required] : ['_'])), { freq: 10 }),
        )
        .map(([value, extra, drop]) => {
          const out: Record<string, unknown> = { ...value };
          if (extra) out[extra[0]] = extra[1];
          if (drop) delete out[drop];
          return out;
        });
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, resolve, depth + 1) : chaos, {
        maxLength: Math.min(schema.maxItems ?? 4, 4) + 1,
      });
    case 'string':
      if (schema.format === 'date-time')
        return fc.oneof(
          fc
            .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          nastyString,
        );
      if (schema.pattern)
        return fc.oneof({ arbitrary: fc.stringMatching(new RegExp(schema.pattern)), weight: 3 }, nastyString);
      return fc.oneof(
        {
          arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }),
          weight: 3,
        },
        nastyString,
      );
    case 'integer':
      return fc.oneof(
        fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) }),
        nastyNumber,
      );
    case 'number':
      return nastyNumber;
    case 'boolean':
      return fc.oneof(fc.boolean(), chaos);
    default:
      return chaos;
  }
}

/** Header values are Latin-1 on the wire; these are the odd ones a client can send. */
export const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
  fc.constantFrom('', '0', '"3"', '9007199254740992', '99999999999999999999', '-1', '1.5', 'W/"1"', '*', '"', '1, 2'),
);

/** Every path to a node of a JSON value, the root included. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

/**
 * A known-good request body with one node changed: replaced by a value of any kind, removed, or
 * given an unknown sibling; or left as it is. Reaches the use cases far more often than a body
 * drawn from the schema alone (taxonomy codes, units and contacts must be real ones).
 */
export function mutated(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  return fc
    .tuple(fc.nat({ max: paths.length - 1 }), fc.constantFrom('replace', 'delete', 'add', 'keep', 'keep'), chaos)
    .map(([i, how, value]) => {
      const copy = structuredClone(example) as Record<string | number, unknown>;
      const path = paths[i]!;
      if (how === 'keep') return copy;
      if (path.length === 0) return how === 'replace' ? value : copy;
      let parent: Record<string | number, unknown> = copy;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const last = path.at(-1)!;
      if (how === 'replace') parent[last] = value;
      else if (how === 'delete') delete parent[last];
      else parent[`${String(last)}_x`] = value;
      return copy;
    });
}
