// What an injected status fault answers: Razorpay's JSON error, or the kind of
// HTML page a load balancer or CDN serves when it cannot reach the API (§1.4).
import { faultErrorBody } from '../errors.ts';
import type { FaultStatus } from '../faults.ts';
import { jsonReply } from './http-io.ts';
import type { HttpReply } from './http-io.ts';

const STATUS_TEXT: Record<FaultStatus, string> = {
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Time-out',
};

export function statusFaultReply(status: FaultStatus, body: 'json' | 'html'): HttpReply {
  if (body === 'json') return jsonReply(status, faultErrorBody(status));
  const title = `${status} ${STATUS_TEXT[status]}`;
  return {
    status,
    headers: { 'Content-Type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** HTTP 200 with a page that is not Razorpay's: what a captive portal or a confused proxy answers. */
export function garbageReply(): HttpReply {
  return {
    status: 200,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><head><title>Wi-Fi login</title></head><body><form>Please accept the terms to continue</form></body></html>',
  };
}
