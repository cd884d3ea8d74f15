// The simulator's stand-in for https://checkout.razorpay.com/v1/checkout.js
// (razorpay.md §5.1–§5.3). It runs in the kiosk's page, so it is plain ES2017
// browser JavaScript kept in a string: the main bundle can serve it without files
// on disk. It must not contain "${" (it is a String.raw template).
//
// Shape, as in the real script: a hidden `div.razorpay-container` with an
// `iframe.razorpay-checkout-frame` is added at load; the frame (served by the
// simulator, another origin) draws the payment UI and decides (its own timeout,
// retry, display config); both sides talk with postMessage JSON strings and
// check each other's origin. As in the real script, this side only relays:
// close() posts a message to the frame, and ondismiss comes later, when the
// frame answers, from a timer; a fault alerts and closes without ondismiss.

export interface CheckoutScriptConfig {
  /** The simulator's checkout frame page, e.g. http://127.0.0.1:PORT/v1/checkout/public */
  frameUrl: string;
  /** Its origin: the only origin checkout.js accepts messages from. */
  frameOrigin: string;
}

export function checkoutScript(config: CheckoutScriptConfig): string {
  return `/* Razorpay Checkout (simulator): no real money moves. */\n(function (CONFIG) {\n${CHECKOUT_BODY}\n})(${JSON.stringify(config)});\n`;
}

const CHECKOUT_BODY = String.raw`
'use strict';
// Loaded twice (e.g. the kiosk retries the script): keep the first copy and its frame.
if (window.Razorpay && window.Razorpay.isSimulator) return;

var FRAME_ORIGIN = CONFIG.frameOrigin;
var scriptSrc = (document.currentScript && document.currentScript.src) || '';
// The real checkout.js alert()s invalid options before throwing. alert() blocks an
// Electron renderer, so the simulator only does it when asked: checkout.js?alerts=1
// (a fault always alerts, as the real one does).
var alertsEnabled = /[?&]alerts=1(&|$)/.test(scriptSrc);

// ---- the container and the frame, created at load like the real script ----------
var container = document.createElement('div');
container.className = 'razorpay-container';
// Inline styles via CSSOM, so a host CSP without 'unsafe-inline' styles still works.
var cs = container.style;
cs.position = 'fixed'; cs.top = '0'; cs.left = '0'; cs.width = '100%'; cs.height = '100%';
cs.zIndex = '2147483647'; cs.display = 'none'; cs.background = 'rgba(0, 0, 0, 0.6)';
cs.margin = '0'; cs.padding = '0'; cs.border = '0';

var frame = document.createElement('iframe');
frame.className = 'razorpay-checkout-frame';
frame.setAttribute('title', 'Razorpay Checkout (simulator)');
frame.setAttribute('allow', 'payment');
frame.setAttribute('allowtransparency', 'true');
var fs = frame.style;
fs.position = 'absolute'; fs.top = '0'; fs.left = '0'; fs.width = '100%'; fs.height = '100%';
fs.border = '0'; fs.margin = '0'; fs.padding = '0'; fs.background = 'transparent'; fs.colorScheme = 'normal';
frame.src = CONFIG.frameUrl;
container.appendChild(frame);

function attach() {
  if (!container.parentNode && document.body) document.body.appendChild(container);
}
if (document.body) attach();
else document.addEventListener('DOMContentLoaded', attach);

// ---- messages to the frame: queued until the frame says it has loaded ----------
var frameReady = false;
var pending = [];

function postToFrame(event, data) {
  var message = JSON.stringify({ source: 'checkout', event: event, data: data === undefined ? null : data });
  if (frameReady && frame.contentWindow) frame.contentWindow.postMessage(message, FRAME_ORIGIN);
  else pending.push(message);
}

function flushPending() {
  while (pending.length > 0 && frame.contentWindow) frame.contentWindow.postMessage(pending.shift(), FRAME_ORIGIN);
}

// A throwing merchant callback must not leave the modal in a half-closed state:
// report it asynchronously, like an uncaught error, and carry on.
function safeCall(fn, self, args) {
  if (typeof fn !== 'function') return;
  try {
    fn.apply(self, args);
  } catch (err) {
    setTimeout(function () { throw err; });
  }
}

function fail(message, alertFirst) {
  if (alertFirst && alertsEnabled) window.alert(message);
  throw new Error(message);
}

/** As the real script: a relative image is resolved against the page (useless on app://; use a data URI). */
function resolvedImage(image) {
  if (typeof image !== 'string' || image === '' || /^data:image\//.test(image) || image.indexOf('http') === 0) return image;
  try { return new URL(image, location.href).href; } catch (err) { return image; }
}

/** Options as JSON: functions (handler, ondismiss) stay here, data goes to the frame. */
function serialisableOptions(options) {
  var copy;
  try {
    copy = JSON.parse(JSON.stringify(options));
  } catch (err) {
    copy = {};
    ['key', 'amount', 'currency', 'name', 'description', 'image', 'order_id', 'prefill', 'notes', 'theme', 'modal', 'retry', 'timeout', 'config'].forEach(function (k) {
      try { copy[k] = JSON.parse(JSON.stringify(options[k])); } catch (e) { /* drop what cannot be sent */ }
    });
  }
  if (copy.image !== undefined) copy.image = resolvedImage(copy.image);
  return copy;
}

var current = null;
var counter = 0;

// ---- the public constructor ------------------------------------------------------
function Razorpay(options) {
  if (!(this instanceof Razorpay)) return new Razorpay(options);
  if (!options || typeof options !== 'object' || Array.isArray(options)) fail('Invalid options', false);
  if (!options.key) fail('No key passed', false);
  if (options.notes && typeof options.notes === 'object' && Object.keys(options.notes).length > 15) {
    fail('Invalid notes (At most 15 notes are allowed)', true);
  }
  counter += 1;
  this.id = 'rzp_sim_' + counter + '_' + Date.now().toString(36);
  this._options = options;
  this._listeners = {};
  this._shown = false;
  this._completed = false;
}

Razorpay.isSimulator = true;

function eventName(name) {
  // 'payment.error' is the older name of 'payment.failed'.
  return name === 'payment.error' ? 'payment.failed' : name;
}

Razorpay.prototype.on = function (name, callback) {
  if (typeof name === 'string' && typeof callback === 'function') {
    var key = eventName(name);
    (this._listeners[key] = this._listeners[key] || []).push(callback);
  }
  return this;
};

Razorpay.prototype.off = function (name, callback) {
  if (name === undefined) { this._listeners = {}; return this; }
  var key = eventName(name);
  if (callback === undefined) delete this._listeners[key];
  else this._listeners[key] = (this._listeners[key] || []).filter(function (cb) { return cb !== callback; });
  return this;
};

Razorpay.prototype._emit = function (name, payload) {
  var list = (this._listeners[eventName(name)] || []).slice();
  for (var i = 0; i < list.length; i++) safeCall(list[i], this, payload === undefined ? [] : [payload]);
};

Razorpay.prototype.open = function () {
  var self = this;
  attach();
  if (current && current !== self && current._shown) current._hide();
  current = self;
  self._shown = true;
  self._completed = false;
  var options = self._options;
  var theme = options.theme || {};
  container.style.background = typeof theme.backdrop_color === 'string' ? theme.backdrop_color : 'rgba(0, 0, 0, 0.6)';
  container.style.display = 'block';
  postToFrame('open', { id: self.id, options: serialisableOptions(options) });
  try { frame.focus(); } catch (err) { /* focus is best effort */ }
  return self;
};

// As the real script: close() only tells the frame. If the modal was showing, the
// frame answers 'dismiss' and ondismiss runs later, from a timer: never inside close().
Razorpay.prototype.close = function () {
  postToFrame('close', { id: this.id });
};

Razorpay.prototype._hide = function () {
  this._shown = false;
  if (current === this) container.style.display = 'none';
};

// ---- messages from the frame ------------------------------------------------------
function onFrameMessage(e) {
  if (e.origin !== FRAME_ORIGIN || e.source !== frame.contentWindow) return;
  var msg;
  try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : null; } catch (err) { return; }
  if (!msg || msg.source !== 'frame') return;
  if (msg.event === 'load') {
    frameReady = true;
    flushPending();
    return;
  }
  var rzp = current;
  if (!rzp || msg.id !== rzp.id) return;
  var data = msg.data;
  var modal = rzp._options.modal || {};
  switch (msg.event) {
    case 'render':
      rzp._emit('render');
      break;
    case 'submit':
      rzp._emit('payment.submit', data);
      break;
    case 'cancel':
      rzp._emit('payment.cancel', data);
      break;
    case 'complete':
      // As the real script: the handler runs ~200 ms after the frame reports
      // success, with this = the Razorpay instance; ondismiss is not called.
      rzp._completed = true;
      setTimeout(function () {
        rzp._hide();
        safeCall(rzp._options.handler, rzp, [{
          razorpay_payment_id: data.razorpay_payment_id,
          razorpay_order_id: data.razorpay_order_id,
          razorpay_signature: data.razorpay_signature,
        }]);
        safeCall(modal.onhidden, rzp, []);
      }, 200);
      break;
    case 'paymenterror':
      // The frame offers "Try again", or (retry off) follows with 'dismiss' {error}.
      rzp._emit('payment.failed', data);
      break;
    case 'fault': {
      // Oops: the real script closes, emits fault.close, alerts, and hides. No ondismiss.
      var message = (data && (data.message || data.description)) || 'Something went wrong.';
      rzp.close();
      rzp._emit('fault.close');
      rzp._hide();
      window.alert('Oops! Something went wrong.\n' + message);
      break;
    }
    case 'dismiss':
      if (!rzp._shown || rzp._completed) break;
      rzp._hide();
      // ondismiss(undefined | 'timeout' | {error}), from a timer, as the real script does.
      setTimeout(function () {
        safeCall(modal.ondismiss, rzp, data === null || data === undefined ? [] : [data]);
        safeCall(modal.onhidden, rzp, []);
      });
      break;
  }
}
window.addEventListener('message', onFrameMessage);

// Escape pressed while focus is still in the host page: let the frame decide
// (it knows modal.escape and confirm_close).
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape' && current && current._shown) postToFrame('escape', { id: current.id });
});

window.Razorpay = Razorpay;
`;
