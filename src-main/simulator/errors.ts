// Razorpay error responses (razorpay.md §1.3, §1.4). Handlers throw
// SimulatorApiError; the HTTP layer turns it into `{ error: {...} }` with its status.
import type { RazorpayError, RazorpayErrorBody } from './entities.ts';

export class SimulatorApiError extends Error {
  readonly status: number;
  readonly body: RazorpayErrorBody;

  constructor(status: number, error: RazorpayError) {
    super(error.description);
    this.name = 'SimulatorApiError';
    this.status = status;
    this.body = { error };
  }
}

/** Validation failures: 400, `business` / `payment_initiation` / `input_validation_failed`. */
export function badRequest(
  description: string,
  extra: { field?: string; reason?: string; source?: string; step?: string } = {},
): SimulatorApiError {
  const error: RazorpayError = {
    code: 'BAD_REQUEST_ERROR',
    description,
    source: extra.source ?? 'business',
    step: extra.step ?? 'payment_initiation',
    reason: extra.reason ?? 'input_validation_failed',
    metadata: {},
  };
  // `field` is only present when it is set (§1.4).
  if (extra.field !== undefined) error.field = extra.field;
  return new SimulatorApiError(400, error);
}

/** Errors that are not about the merchant's input carry "NA" attribution. */
function naError(code: string, description: string): RazorpayError {
  return { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {} };
}

export function authenticationFailed(): SimulatorApiError {
  return new SimulatorApiError(401, naError('BAD_REQUEST_ERROR', 'Authentication failed'));
}

export function routeNotFound(): SimulatorApiError {
  return new SimulatorApiError(400, naError('BAD_REQUEST_ERROR', 'The requested URL was not found on the server.'));
}

export function idDoesNotExist(): SimulatorApiError {
  return badRequest('The id provided does not exist');
}

export function invalidId(id: string): SimulatorApiError {
  return badRequest(`${id} is not a valid id`);
}

/** Bodies used by injected status faults (§1.4 table). */
export function faultErrorBody(status: number): RazorpayErrorBody {
  switch (status) {
    case 429:
      return { error: naError('BAD_REQUEST_ERROR', 'Request failed. Please try after sometime.') };
    case 500:
      return { error: naError('SERVER_ERROR', 'The server encountered an error. The incident has been reported to admins.') };
    case 502:
      return { error: naError('GATEWAY_ERROR', 'The upstream gateway returned an invalid response. Please try after sometime.') };
    case 504:
      return { error: naError('GATEWAY_ERROR', 'The upstream gateway did not respond in time. Please try after sometime.') };
    default:
      return routeNotFound().body;
  }
}
