// Injected failures, per route, so the kiosk can be tested against everything
// Razorpay (or the network in between) can do to it (razorpay.md §1.4, §4.2, §9).
//
// Faults for one route form a queue: the first one applies to each request until
// its `times` runs out, then the next one takes over. A fault without `times`
// applies until cleared. That lets a test script "fail twice, then hang" without timers.

export const FAULT_ROUTES = [
  'orders.create',
  'orders.fetch',
  'orders.list',
  'orders.payments',
  'payments.list',
  'payments.fetch',
  'payments.capture',
  'checkout.script',
  /** The checkout frame page: `hang` gives a Checkout that never loads, so never answers. */
  'checkout.frame',
  /** The frame's look-up of the order when Checkout opens (Razorpay's /v1/preferences). */
  'checkout.preferences',
  /** The moment the bank answers an attempt (and the one-shot /_checkout/pay). */
  'checkout.pay',
] as const;

export type FaultRoute = (typeof FAULT_ROUTES)[number];

/** 404 only makes sense for checkout.js ("script 404"), but is accepted everywhere. */
export const FAULT_STATUSES = [500, 502, 504, 429, 404] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export type Fault =
  /** Answer normally, after a delay. */
  | { kind: 'latency'; ms: number }
  /** Never answer (the socket stays open until the client gives up or the simulator closes). */
  | { kind: 'hang' }
  /** Answer with an error status; `html` mimics a load balancer page instead of Razorpay JSON. */
  | { kind: 'status'; status: FaultStatus; body: 'json' | 'html' }
  /** Drop the connection without answering, before doing any work. */
  | { kind: 'reset' }
  /** Do the work (e.g. commit the order), then drop the connection: the client never learns the result. */
  | { kind: 'response_lost' }
  /** checkout.pay only: report the payment failed to Checkout; lateAuthorise() turns it authorized later. */
  | { kind: 'late_authorisation' };

export interface ActiveFault {
  route: FaultRoute;
  fault: Fault;
  /** Requests it will still affect; null = until cleared. */
  remaining: number | null;
}

export interface FaultController {
  inject(route: FaultRoute, fault: Fault, options?: { times?: number }): void;
  clear(route?: FaultRoute): void;
  list(): ActiveFault[];
}

export function isFaultRoute(value: unknown): value is FaultRoute {
  return typeof value === 'string' && (FAULT_ROUTES as readonly string[]).includes(value);
}

/**
 * Checks a fault that arrived as JSON (control endpoint) or from a test.
 * Returns a message saying what is wrong, or null when it is fine.
 */
export function describeInvalidFault(route: unknown, fault: unknown, times: unknown): string | null {
  if (!isFaultRoute(route)) return `route must be one of ${FAULT_ROUTES.join(', ')}`;
  if (times !== undefined && times !== null && !(typeof times === 'number' && Number.isInteger(times) && times > 0)) {
    return 'times must be a positive integer';
  }
  if (typeof fault !== 'object' || fault === null) return 'fault must be an object';
  const f = fault as Record<string, unknown>;
  switch (f.kind) {
    case 'latency':
      return typeof f.ms === 'number' && Number.isFinite(f.ms) && f.ms >= 0 ? null : 'latency needs ms >= 0';
    case 'hang':
    case 'reset':
    case 'response_lost':
      return null;
    case 'late_authorisation':
      return route === 'checkout.pay' ? null : 'late_authorisation only applies to checkout.pay';
    case 'status':
      if (!(FAULT_STATUSES as readonly unknown[]).includes(f.status)) return `status must be one of ${FAULT_STATUSES.join(', ')}`;
      return f.body === 'json' || f.body === 'html' ? null : "body must be 'json' or 'html'";
    default:
      return 'kind must be latency, hang, status, reset, response_lost or late_authorisation';
  }
}

export class Faults implements FaultController {
  readonly #queues = new Map<FaultRoute, ActiveFault[]>();

  inject(route: FaultRoute, fault: Fault, options: { times?: number } = {}): void {
    const problem = describeInvalidFault(route, fault, options.times);
    if (problem) throw new TypeError(`Invalid fault: ${problem}`);
    const queue = this.#queues.get(route) ?? [];
    queue.push({ route, fault: { ...fault }, remaining: options.times ?? null });
    this.#queues.set(route, queue);
  }

  clear(route?: FaultRoute): void {
    if (route === undefined) this.#queues.clear();
    else this.#queues.delete(route);
  }

  list(): ActiveFault[] {
    return [...this.#queues.values()].flat().map((a) => ({ ...a, fault: { ...a.fault } }));
  }

  /** The fault for this request, if any; counts it against `times`. */
  take(route: FaultRoute): Fault | undefined {
    const queue = this.#queues.get(route);
    const active = queue?.[0];
    if (!queue || !active) return undefined;
    if (active.remaining !== null) {
      active.remaining -= 1;
      if (active.remaining <= 0) queue.shift();
      if (queue.length === 0) this.#queues.delete(route);
    }
    return active.fault;
  }

  /** Like take(), but only consumes the fault when it is of the given kind. */
  takeIf(route: FaultRoute, kind: Fault['kind']): Fault | undefined {
    return this.#queues.get(route)?.[0]?.fault.kind === kind ? this.take(route) : undefined;
  }
}
