// The official razorpay SDK, with the two things it lacks (razorpay.md §4.3):
// a request timeout and a base-URL seam (for the built-in simulator). The SDK
// also loses the cause of network errors (it dereferences err.response and
// throws a TypeError), so an interceptor gives every failure a response shape
// that its normalizeError can carry through to us.
import Razorpay from 'razorpay';

/** The part of the SDK's internal axios instance we rely on; checked at run time. */
interface SdkHttpClient {
  defaults: { baseURL?: string; timeout?: number };
  interceptors: { response: { use(onOk: (r: unknown) => unknown, onError: (e: unknown) => unknown): number } };
}

/** Marker codes the interceptor puts where Razorpay's own error code would be. */
export const NETWORK_ERROR_CODE = 'KIOSK_NETWORK_ERROR';
export const NON_JSON_ERROR_CODE = 'KIOSK_NON_JSON_RESPONSE';

export interface RazorpayClientOptions {
  keyId: string;
  keySecret: string;
  /** e.g. http://127.0.0.1:PORT for the simulator; the SDK appends /v1/... */
  baseUrl?: string;
  timeoutMs: number;
  /** Every answer's HTTP `Date` header (Razorpay's clock; see GatewayClock in ../clock.ts). */
  onServerDate?: (header: string | undefined) => void;
}

interface AxiosLikeError {
  code?: string;
  message?: string;
  response?: { status: number; data: unknown; headers?: Record<string, unknown> };
}

function dateHeader(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)['date'];
  return typeof value === 'string' ? value : undefined;
}

function isSdkHttpClient(value: unknown): value is SdkHttpClient {
  const candidate = value as Partial<SdkHttpClient> | undefined;
  return typeof candidate?.defaults === 'object' && typeof candidate.interceptors?.response?.use === 'function';
}

function hasRazorpayErrorBody(data: unknown): boolean {
  return typeof data === 'object' && data !== null && typeof (data as { error?: unknown }).error === 'object';
}

export function createRazorpayClient(options: RazorpayClientOptions): Razorpay {
  const razorpay = new Razorpay({ key_id: options.keyId, key_secret: options.keySecret });
  const http = (razorpay.api as unknown as { rq?: unknown }).rq;
  if (!isSdkHttpClient(http)) {
    // The pinned SDK version has it; a silent upgrade that moved it must fail loudly, not talk to production.
    throw new Error('razorpay SDK internals changed: api.rq is missing; re-check the pinned version');
  }
  if (options.baseUrl) http.defaults.baseURL = options.baseUrl;
  http.defaults.timeout = options.timeoutMs;
  const onServerDate = options.onServerDate ?? (() => undefined);
  http.interceptors.response.use(
    (response) => {
      onServerDate(dateHeader((response as { headers?: unknown }).headers));
      return response;
    },
    (raw) => {
      const error = raw as AxiosLikeError;
      if (error.response) onServerDate(dateHeader(error.response.headers));
      if (!error.response) {
        error.response = {
          status: 0,
          data: { error: { code: NETWORK_ERROR_CODE, description: `${error.code ?? 'UNKNOWN'} ${error.message ?? ''}`.trim() } },
        };
      } else if (!hasRazorpayErrorBody(error.response.data)) {
        error.response.data = { error: { code: NON_JSON_ERROR_CODE, description: `HTTP ${error.response.status} without a Razorpay error body` } };
      }
      return Promise.reject(error);
    },
  );
  return razorpay;
}
