// HTTP control of a running simulator, for end-to-end tests that drive a kiosk in
// another process. Only mounted when a control token was configured, and every
// request must carry it in `X-Simulator-Control`, so a demo kiosk cannot be
// disturbed by anything else on the machine.
import { timingSafeEqual } from 'node:crypto';
import { SimulatorApiError } from '../errors.ts';
import type { SimulatorClock } from '../clock.ts';
import { describeInvalidFault, isFaultRoute } from '../faults.ts';
import type { Fault, Faults } from '../faults.ts';
import { parseSettingsPatch } from '../settings.ts';
import type { SimulatorSettings } from '../settings.ts';
import type { SimulatorStore } from '../store.ts';
import { jsonReply, parseJsonBody } from './http-io.ts';
import type { HttpReply } from './http-io.ts';
import type { RequestContext, Route } from './route.ts';

function controlError(status: number, description: string): SimulatorApiError {
  return new SimulatorApiError(status, {
    code: 'BAD_REQUEST_ERROR',
    description,
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {},
  });
}

function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export interface ControlledParts {
  store: SimulatorStore;
  faults: Faults;
  settings: SimulatorSettings;
  clock: SimulatorClock;
}

export function controlRoutes(controlToken: string, { store, faults, settings, clock }: ControlledParts): Route[] {
  const guarded =
    (handler: (ctx: RequestContext) => HttpReply) =>
    (ctx: RequestContext): HttpReply => {
      if (!tokenMatches(controlToken, ctx.headers['x-simulator-control'])) {
        throw controlError(403, 'Missing or wrong X-Simulator-Control token');
      }
      return handler(ctx);
    };

  return [
    {
      method: 'GET',
      pattern: /^\/_simulator\/faults$/,
      handle: guarded(() => jsonReply(200, { faults: faults.list() })),
    },
    {
      method: 'POST',
      pattern: /^\/_simulator\/faults$/,
      handle: guarded((ctx) => {
        const { route, fault, times } = asObject(parseJsonBody(ctx.body));
        const problem = describeInvalidFault(route, fault, times);
        if (problem || !isFaultRoute(route)) throw controlError(400, `Invalid fault: ${problem ?? 'bad route'}`);
        faults.inject(route, fault as Fault, typeof times === 'number' ? { times } : {});
        return jsonReply(200, { faults: faults.list() });
      }),
    },
    {
      // Clears one route (`?route=` or JSON body `{route}`) or, without one, all faults.
      method: 'DELETE',
      pattern: /^\/_simulator\/faults$/,
      handle: guarded((ctx) => {
        const route = ctx.query.get('route') ?? asObject(parseJsonBody(ctx.body)).route;
        if (route === undefined || route === null) faults.clear();
        else if (isFaultRoute(route)) faults.clear(route);
        else throw controlError(400, `Unknown fault route ${String(route)}`);
        return jsonReply(200, { faults: faults.list() });
      }),
    },
    {
      method: 'POST',
      pattern: /^\/_simulator\/late-authorise$/,
      handle: guarded((ctx) => {
        const { paymentId } = asObject(parseJsonBody(ctx.body));
        if (typeof paymentId !== 'string') throw controlError(400, 'paymentId must be a string');
        try {
          store.lateAuthorise(paymentId);
        } catch (err) {
          throw controlError(400, err instanceof Error ? err.message : String(err));
        }
        return jsonReply(200, { payment: store.getPayment(paymentId) });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/_simulator\/settings$/,
      handle: guarded(() => jsonReply(200, { settings })),
    },
    {
      // e.g. {"captureDelayMs": 5000} or {"autoCapture": false} or {"checkoutNeverCallsBack": true}
      method: 'POST',
      pattern: /^\/_simulator\/settings$/,
      handle: guarded((ctx) => {
        const parsed = parseSettingsPatch(parseJsonBody(ctx.body));
        if (!parsed.ok) throw controlError(400, `Invalid settings: ${parsed.problem}`);
        Object.assign(settings, parsed.patch);
        return jsonReply(200, { settings });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/_simulator\/clock$/,
      handle: guarded(() => jsonReply(200, { now: clock.now() })),
    },
    {
      // {"advanceMs": 259200000} moves the simulator's time 3 days on: what falls due happens.
      method: 'POST',
      pattern: /^\/_simulator\/clock$/,
      handle: guarded((ctx) => {
        const { advanceMs } = asObject(parseJsonBody(ctx.body));
        if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
          throw controlError(400, 'advanceMs must be a number of milliseconds >= 0');
        }
        clock.advance(advanceMs);
        return jsonReply(200, { now: clock.now() });
      }),
    },
  ];
}
