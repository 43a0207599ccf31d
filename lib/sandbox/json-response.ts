/** JSON with the headers every sandbox answer carries. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = Response.json(body, { status, headers });
  // Presigned portrait URLs expire within the hour: nothing here may be cached (docs/didit-api.md).
  response.headers.set("cache-control", "no-store");
  return response;
}

export function detailResponse(status: number, detail: string, headers?: HeadersInit): Response {
  return jsonResponse(status, { detail }, headers);
}

export const NOT_FOUND = "Not found.";
