// The paging and time-range parameters every Razorpay list endpoint takes
// (razorpay.md §1.3, §8): `from`/`to` (Unix seconds, inclusive), `count`
// (default 10, at most 100) and `skip`, with Razorpay's validation wording.
import { badRequest } from './errors.ts';

export interface ListQuery {
  from: number | null;
  to: number | null;
  count: number;
  skip: number;
}

const DEFAULT_COUNT = 10;
export const MAX_LIST_COUNT = 100;

export function listQuery(query: URLSearchParams): ListQuery {
  const count = intParam(query, 'count', DEFAULT_COUNT);
  if (count > MAX_LIST_COUNT) throw badRequest(`The count may not be greater than ${MAX_LIST_COUNT}.`, { field: 'count' });
  if (count < 1) throw badRequest('The count must be at least 1.', { field: 'count' });
  const skip = intParam(query, 'skip', 0);
  if (skip < 0) throw badRequest('The skip must be at least 0.', { field: 'skip' });
  return { from: intParam(query, 'from', null), to: intParam(query, 'to', null), count, skip };
}

/**
 * `expand[]=card`: the card object on payments. Razorpay reads `expand` as a PHP
 * array, so any `expand[...]` key counts (the razorpay SDK 2.9.8 sends `expand[expand]=card`).
 */
export function expands(query: URLSearchParams, what: string): boolean {
  return [...query].some(([key, value]) => (key === 'expand' || key.startsWith('expand[')) && value === what);
}

/** Integer query parameters with Razorpay's validation wording. */
function intParam<T extends number | null>(query: URLSearchParams, name: string, fallback: T): number | T {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`The ${name} must be an integer.`, { field: name });
  return Number(raw);
}
