export interface PageLinks {
  next: string | null;
  previous: string | null;
}

/**
 * DRF's `replace_query_param`: one value for `key`, parameters re-encoded in sorted order. The
 * sorting is DRF's, and copying it keeps the sandbox's URLs byte-for-byte like Didit's.
 */
function withParam(url: URL, key: string, value: number | null): string {
  const copy = new URL(url);
  if (value === null) copy.searchParams.delete(key);
  else copy.searchParams.set(key, String(value));
  copy.searchParams.sort();
  return copy.href;
}

/**
 * `next` and `previous` as DRF's LimitOffsetPagination builds them: absolute URLs from the request
 * URL, same path and filters, with `limit` made explicit and `offset` moved by one page.
 */
export function pageLinks(
  requestUrl: URL,
  page: { count: number; limit: number; offset: number },
): PageLinks {
  const { count, limit, offset } = page;
  const base = new URL(withParam(requestUrl, "limit", limit));
  const next = offset + limit < count ? withParam(base, "offset", offset + limit) : null;
  let previous: string | null = null;
  // Like DRF, a previous page that would start at or before 0 drops `offset` altogether.
  if (offset > 0) previous = withParam(base, "offset", offset - limit > 0 ? offset - limit : null);
  return { next, previous };
}
