import { createParser } from "nuqs/server";
// zod/mini: URL state is read in the browser too.
import * as z from "zod/mini";

/**
 * Turning a map of zod field schemas into URL state, for every view the app bookmarks (the
 * inbox's and /activity's): nuqs parsers that drop an invalid value, and a strict reading for the
 * API that names each invalid one.
 */

type StringSchema = z.ZodMiniType<unknown, string>;
type Schemas = Record<string, StringSchema>;

export function zodParser<T>(schema: z.ZodMiniType<T, string>) {
  return createParser<T>({
    parse: (value) => {
      const result = schema.safeParse(value);
      return result.success ? result.data : null;
    },
    serialize: String,
  });
}

export type ZodParsers<S extends Schemas> = {
  [K in keyof S]: ReturnType<typeof zodParser<z.output<S[K]>>>;
};

export function zodParsers<S extends Schemas>(schemas: S): ZodParsers<S> {
  return Object.fromEntries(
    Object.entries(schemas).map(([key, schema]) => [key, zodParser(schema)]),
  ) as ZodParsers<S>;
}

/** A whole number written in a query string, within bounds. */
export const wholeNumberString = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.regex(/^\d+$/, "must be a whole number")),
    z.pipe(
      z.transform(Number),
      z
        .number()
        .check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`)),
    ),
  );

export type StrictResult<Q, K extends string> =
  | { ok: true; query: Q }
  | { ok: false; fields: Partial<Record<K, string>> };

/**
 * The API's reading of a query string: unknown parameters are ignored, an empty one means "not
 * set" (how forms send it), and each invalid one is reported with its reason.
 */
export function parseStrict<Q extends object, S extends Schemas>(
  schemas: S,
  params: URLSearchParams,
  defaults: Q,
): StrictResult<Q, Extract<keyof S, string>> {
  const query = { ...defaults };
  const fields: Partial<Record<Extract<keyof S, string>, string>> = {};
  for (const name of Object.keys(schemas) as Extract<keyof S, string>[]) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const result = (schemas[name] as StringSchema).safeParse(raw);
    if (result.success) Object.assign(query, { [name]: result.data });
    else fields[name] = result.error.issues[0]?.message ?? "is invalid";
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, query };
}
