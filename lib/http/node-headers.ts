import type { IncomingHttpHeaders } from "node:http";

/** Node's (and undici's) header object as web-standard Headers, repeated headers kept. */
export function toHeaders(
  raw: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
