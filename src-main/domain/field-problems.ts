// What a refused request got wrong, field by field, in a small vocabulary the
// console turns into its own words next to each field (the contract's
// FieldProblem). Zod's issues name the field by its path; a cross-field rule
// names its problem in `params.problem` (kiosk-config.ts).
import type { z } from 'zod';
import type { FieldProblem, FieldProblemCode } from '../contract/kiosk-api.ts';

const CROSS_FIELD_PROBLEMS: readonly FieldProblemCode[] = ['min_above_max', 'outside_limits', 'duplicate', 'ends_before_start', 'cash_above_80g_limit', 'picture', 'format', 'required'];

/** The params a cross-field rule gives zod, so its issue becomes that problem here. */
export function problemParams(problem: FieldProblemCode): { params: { problem: FieldProblemCode } } {
  return { params: { problem } };
}

function problemOf(issue: z.core.$ZodIssue): { problem: FieldProblemCode; limit?: number } {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { problem: 'required' } : { problem: 'too_small', limit: Number(issue.minimum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { problem: 'too_few', limit: Number(issue.minimum) };
      return { problem: 'too_small', limit: Number(issue.minimum) };
    case 'too_big':
      if (issue.origin === 'string') return { problem: 'too_long', limit: Number(issue.maximum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { problem: 'too_many', limit: Number(issue.maximum) };
      return { problem: 'too_big', limit: Number(issue.maximum) };
    case 'invalid_type':
      return issue.expected === 'int' ? { problem: 'not_whole' } : { problem: 'format' };
    case 'invalid_value':
    case 'unrecognized_keys':
    case 'invalid_key':
      return { problem: 'unknown_choice' };
    case 'custom': {
      const named = (issue.params as { problem?: unknown } | undefined)?.problem;
      return { problem: CROSS_FIELD_PROBLEMS.includes(named as FieldProblemCode) ? (named as FieldProblemCode) : 'format' };
    }
    default:
      return { problem: 'format' };
  }
}

/** One FieldProblem per issue, its path prefixed with `prefix` (the request's own nesting, e.g. "settings"). */
export function fieldProblemsOf(issues: readonly z.core.$ZodIssue[], prefix: readonly string[] = []): FieldProblem[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
    const path = [...prefix, ...issue.path.map(String), ...keys.slice(0, 1).filter((k): k is string => k !== null)].join('.');
    const { problem, limit } = problemOf(issue);
    return limit === undefined || !Number.isFinite(limit) ? { path, problem } : { path, problem, limit };
  });
}

/** The same problems, as seen from a request that holds them under `key` (e.g. "settings"). */
export function prefixed(key: string, problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, path: problem.path === '' ? key : `${key}.${problem.path}` }));
}
