// Behaviour of the checkout frame (browser JavaScript, ES2017, kept as a string;
// it must not contain "${"). It receives the Checkout options from checkout.js,
// looks the order up (GET /v1/preferences: an order the API does not know is a
// fault), shows the methods config.display asks for, and makes a payment the
// way Razorpay does: the payment exists (`created`) from the moment the donor
// submits a method (POST /_checkout/payments), and the bank's answer completes
// it (POST /_checkout/payments/:id/complete). Same origin as the simulator: the
// frame never sees the key secret. It reports back with the events of
// razorpay.md §5.1: load, render, submit, cancel, complete, paymenterror, fault,
// dismiss. It owns Checkout's timeout and retry, as the real frame does.
//
// `CONFIG` (test cards, banks, wallets, bank page template, icons) is injected by frame-page.ts.

export const FRAME_SCRIPT = String.raw`
'use strict';

var $ = function (id) { return document.getElementById(id); };
// The popup inherits this page's CSP, so the bank page's script needs our nonce.
var NONCE = (document.currentScript && document.currentScript.nonce) || '';
var modal = $('modal');
var ACCOUNT_METHODS = ['upi', 'card', 'netbanking', 'wallet'];
var METHOD_NAMES = {
  upi: ['UPI', 'Scan a QR code or enter your UPI ID'],
  card: ['Card', 'Credit or debit card'],
  netbanking: ['Netbanking', 'Pay from your bank account'],
  wallet: ['Wallet', 'MobiKwik, PhonePe, Amazon Pay and more']
};

var state = {
  id: null,            // the Razorpay instance this session belongs to
  options: null,
  parentOrigin: null,  // pinned at the first 'open'; later messages must come from it
  session: 0,          // bumped on every open/close, so late answers of old sessions are ignored
  open: false,
  silent: false,       // the simulator's "never calls back" switch, read at every open
  timer: null,         // Checkout's own timeout (options.timeout)
  busy: false,
  attempt: null,       // Promise of the current attempt's payment id (null: it could not start)
  instrument: null,    // the instrument (block entry) the donor chose
  card: null,          // the submitted card's test outcome
  popup: null,
  popupTimer: null,
  popupMethod: null,
  provider: null,
  view: 'methods'
};

// Opened directly rather than inside checkout.js's iframe: just explain what this is.
if (window.parent === window) {
  $('standalone').hidden = false;
  return;
}

// ---- talking to checkout.js ---------------------------------------------------
function send(event, data) {
  if (!state.parentOrigin || state.silent) return;
  // An opaque parent origin ("null", e.g. file://) cannot be targeted by name.
  var target = state.parentOrigin === 'null' ? '*' : state.parentOrigin;
  window.parent.postMessage(JSON.stringify({ source: 'frame', id: state.id, event: event, data: data === undefined ? null : data }), target);
}

window.addEventListener('message', function (e) {
  if (state.popup && e.source === state.popup) { onBankMessage(e); return; }
  if (e.source !== window.parent) return;
  if (state.parentOrigin !== null && e.origin !== state.parentOrigin) return;
  var msg;
  try { msg = typeof e.data === 'string' ? JSON.parse(e.data) : null; } catch (err) { return; }
  if (!msg || msg.source !== 'checkout' || !msg.data) return;
  if (msg.event === 'open') {
    state.parentOrigin = e.origin;
    open(msg.data);
  } else if (msg.data.id === state.id && !state.silent) {
    // close(): the frame closes and, if the modal was showing, answers 'dismiss'.
    if (msg.event === 'close' && state.open) { closeSession(); send('dismiss'); }
    else if (msg.event === 'escape') onEscape();
  }
});

// ---- helpers --------------------------------------------------------------------
function opt(path, fallback) {
  var value = state.options;
  var parts = path.split('.');
  for (var i = 0; i < parts.length; i++) {
    if (value === null || typeof value !== 'object') return fallback;
    value = value[parts[i]];
  }
  return value === undefined || value === null ? fallback : value;
}

function formatAmount(paise, currency) {
  var amount = Number(paise) / 100;
  if (!isFinite(amount)) return '';
  try {
    return new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).format(amount);
  } catch (err) {
    return (currency || 'INR') + ' ' + amount.toFixed(2);
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

function announce(text) {
  $('live').textContent = '';
  setTimeout(function () { $('live').textContent = text; }, 50);
}

/** Readable text on the merchant's theme colour: dark or white, whichever contrasts more. */
function textColourFor(colour) {
  var m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(String(colour || '').trim());
  if (!m) return null;
  var hex = m[1].length === 3 ? m[1].replace(/(.)/g, '$1$1') : m[1];
  var rgb = [0, 2, 4].map(function (i) {
    var c = parseInt(hex.substr(i, 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  var luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  return luminance > 0.22 ? '#17202e' : '#ffffff';
}

function nameOf(list, code) {
  for (var i = 0; i < list.length; i++) if (list[i][0] === code) return list[i][1];
  return code;
}

function isList(value) { return Object.prototype.toString.call(value) === '[object Array]'; }

// ---- views ------------------------------------------------------------------------
var METHOD_VIEWS = { upi: true, card: true, netbanking: true, wallet: true };

function showView(name, focusTarget) {
  state.view = name;
  var sections = document.querySelectorAll('[data-view]');
  for (var i = 0; i < sections.length; i++) sections[i].hidden = sections[i].getAttribute('data-view') !== name;
  $('nav').hidden = !METHOD_VIEWS[name];
  // Focus the new view's heading: screen readers announce it, keyboard users Tab on from
  // there, and no button looks pre-selected on a touchscreen.
  var target = focusTarget || document.querySelector('[data-view="' + name + '"] h2');
  if (target && typeof target.focus === 'function') {
    try { target.focus({ preventScroll: false }); } catch (err) { /* focus is best effort */ }
  }
}

function setAll(selector, text) {
  var nodes = document.querySelectorAll(selector);
  for (var i = 0; i < nodes.length; i++) nodes[i].textContent = text;
}

function renderHeader() {
  var name = String(opt('name', 'Merchant'));
  $('merchant-name').textContent = name;
  setAll('.merchant-inline', name);
  var description = opt('description', '');
  $('description').textContent = String(description);
  $('description').hidden = !description;

  var logo = $('logo');
  logo.textContent = '';
  var image = opt('image', '');
  // A data URI or an https URL (razorpay.md §5.2); anything else shows the initial.
  if (typeof image === 'string' && (/^data:image\//.test(image) || /^https:\/\//.test(image))) {
    var img = document.createElement('img');
    img.alt = '';
    img.src = image;
    img.setAttribute('data-testid', 'sim-logo');
    logo.appendChild(img);
  } else {
    logo.textContent = name.trim().charAt(0).toUpperCase() || 'R';
  }

  var amountText = formatAmount(opt('amount', 0), opt('currency', 'INR'));
  $('amount').textContent = amountText;
  setAll('.amount-inline', amountText);

  var contact = opt('prefill.contact', '');
  var email = opt('prefill.email', '');
  $('prefill-contact').textContent = contact ? String(contact) : '';
  $('prefill-contact').hidden = !contact;
  $('prefill-email').textContent = email ? String(email) : '';
  $('prefill-email').hidden = !email;

  $('test-mode').hidden = !/^rzp_t/.test(String(opt('key', '')));

  var theme = opt('theme.color', '');
  var onTheme = textColourFor(theme);
  var header = document.querySelector('.header');
  if (onTheme) {
    header.style.setProperty('--theme', String(theme));
    header.style.setProperty('--on-theme', onTheme);
  } else {
    header.style.removeProperty('--theme');
    header.style.removeProperty('--on-theme');
  }
  document.body.classList.toggle('no-animation', opt('modal.animation', true) === false);
}

function drawQr(seedText) {
  // Looks like a QR code, encodes nothing: test-mode QR codes cannot be scanned anyway.
  var n = 25;
  var seed = 2166136261;
  for (var i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619) >>> 0;
  function random() {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
    seed = Math.imul(seed ^ (seed >>> 13), 3266489909) >>> 0;
    seed = (seed ^ (seed >>> 16)) >>> 0;
    return seed / 4294967296;
  }
  function inFinder(x, y) {
    return (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
  }
  var d = '';
  for (var y = 0; y < n; y++) {
    for (var x = 0; x < n; x++) {
      if (!inFinder(x, y) && random() < 0.5) d += 'M' + x + ' ' + y + 'h1v1h-1z';
    }
  }
  [[0, 0], [n - 7, 0], [0, n - 7]].forEach(function (p) {
    var x = p[0], y = p[1];
    d += 'M' + x + ' ' + y + 'h7v7h-7zM' + (x + 1) + ' ' + (y + 1) + 'v5h5v-5z' + 'M' + (x + 2) + ' ' + (y + 2) + 'h3v3h-3z';
  });
  $('qr').innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ' + (n + 2) + ' ' + (n + 2) +
    '" shape-rendering="crispEdges"><path fill="#111" fill-rule="evenodd" d="' + d + '"/></svg>';
}

// ---- which methods: config.display (razorpay.md §5.2) -----------------------------------
// Custom blocks in the order of 'sequence' ('block.<code>'); then, unless
// preferences.show_default_blocks is false, the account's methods (those named in
// 'sequence' first) minus what 'hide' removes. 'hide' leaves the blocks alone.
function displayBlocks(accountMethods) {
  var display = opt('config.display', {});
  if (!display || typeof display !== 'object') display = {};
  var blocks = display.blocks && typeof display.blocks === 'object' ? display.blocks : {};
  var sequence = isList(display.sequence) ? display.sequence : [];
  var hide = isList(display.hide) ? display.hide : [];
  var prefs = display.preferences && typeof display.preferences === 'object' ? display.preferences : {};
  var out = [];

  sequence.forEach(function (entry) {
    if (typeof entry !== 'string' || entry.indexOf('block.') !== 0) return;
    var code = entry.slice(6);
    var block = blocks[code];
    if (!block || typeof block !== 'object' || !isList(block.instruments)) return;
    var instruments = block.instruments.filter(function (ins) {
      return ins && typeof ins === 'object' && accountMethods.indexOf(ins.method) !== -1;
    });
    if (instruments.length > 0) out.push({ code: code, name: String(block.name || code), instruments: instruments });
  });

  if (prefs.show_default_blocks !== false) {
    var order = sequence.filter(function (m) { return accountMethods.indexOf(m) !== -1; });
    accountMethods.forEach(function (m) { if (order.indexOf(m) === -1) order.push(m); });
    var instruments = [];
    order.forEach(function (method) {
      var ins = { method: method };
      var hidden = false;
      hide.forEach(function (h) {
        if (!h || h.method !== method) return;
        if (isList(h.banks)) ins.hideBanks = (ins.hideBanks || []).concat(h.banks);
        else if (isList(h.wallets)) ins.hideWallets = (ins.hideWallets || []).concat(h.wallets);
        else if (isList(h.flows)) ins.hideFlows = (ins.hideFlows || []).concat(h.flows);
        else hidden = true;
      });
      if (!hidden) instruments.push(ins);
    });
    if (instruments.length > 0) out.push({ code: 'default', name: out.length > 0 ? 'All payment methods' : 'Cards, UPI & More', instruments: instruments });
  }
  return out;
}

function renderMethods(accountMethods) {
  var root = $('blocks');
  root.innerHTML = '';
  var used = {};
  var blocks = displayBlocks(accountMethods);
  blocks.forEach(function (block) {
    var section = document.createElement('div');
    section.className = 'block';
    section.setAttribute('data-testid', 'sim-block-' + block.code);
    section.setAttribute('role', 'group');
    var heading = document.createElement('h3');
    heading.id = 'block-title-' + block.code;
    heading.textContent = block.name;
    section.setAttribute('aria-labelledby', heading.id);
    section.appendChild(heading);
    var list = document.createElement('div');
    list.className = 'methods';
    block.instruments.forEach(function (ins) {
      used[ins.method] = (used[ins.method] || 0) + 1;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'method';
      button.setAttribute('data-method', ins.method);
      button.setAttribute('data-testid', 'sim-method-' + ins.method + (used[ins.method] > 1 ? '-' + used[ins.method] : ''));
      var names = METHOD_NAMES[ins.method];
      button.innerHTML = '<span class="method-icon">' + CONFIG.icons[ins.method] + '</span>' +
        '<span class="method-text"><strong>' + escapeHtml(names[0]) + '</strong><span>' + escapeHtml(names[1]) + '</span></span>' +
        '<span class="chevron" aria-hidden="true">&rsaquo;</span>';
      button.addEventListener('click', function () { chooseMethod(ins); });
      list.appendChild(button);
    });
    section.appendChild(list);
    root.appendChild(section);
  });
  $('no-methods').hidden = blocks.length > 0;
}

/** The codes an instrument allows: its own list, else all, minus what 'hide' removed. */
function allowed(all, only, hidden) {
  return all.filter(function (code) {
    return (!isList(only) || only.indexOf(code) !== -1) && (!isList(hidden) || hidden.indexOf(code) === -1);
  });
}

function fillSelect(select, list, codes) {
  select.innerHTML = '';
  codes.forEach(function (code) {
    var option = document.createElement('option');
    option.value = code;
    option.textContent = nameOf(list, code);
    select.appendChild(option);
  });
}

// ---- session lifecycle ------------------------------------------------------------
function resetUi() {
  state.busy = false;
  state.attempt = null;
  state.card = null;
  if (state.timer !== null) { clearTimeout(state.timer); state.timer = null; }
  stopWatchingPopup(true);
  $('confirm-layer').hidden = true;
  $('card-number').value = '';
  $('card-number').removeAttribute('aria-invalid');
  $('card-error').hidden = true;
  $('otp-input').value = '';
  $('otp-error').hidden = true;
  $('upi-vpa').value = '';
  $('upi-vpa-error').hidden = true;
  $('popup-blocked').hidden = true;
  $('wallet-popup-blocked').hidden = true;
}

function open(data) {
  state.session += 1;
  var session = state.session;
  state.id = typeof data.id === 'string' ? data.id : null;
  state.options = data.options && typeof data.options === 'object' ? data.options : {};
  state.silent = false;
  state.open = true;
  resetUi();
  renderHeader();
  drawQr(String(opt('order_id', '') || state.id));
  modal.hidden = false;
  showView('loading');
  // Checkout looks the order up first: one the API does not know is a fault.
  var query = '?key_id=' + encodeURIComponent(String(opt('key', ''))) + '&order_id=' + encodeURIComponent(String(opt('order_id', '')));
  fetch('/v1/preferences' + query, { credentials: 'same-origin', cache: 'no-store' })
    .then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok) throw new Error((body && body.error && body.error.description) || ('The payment server answered ' + res.status + '.'));
        return body;
      });
    })
    .then(function (prefs) {
      if (session !== state.session) return;
      state.silent = !!(prefs && prefs.simulator && prefs.simulator.never_calls_back);
      renderMethods(ACCOUNT_METHODS.filter(function (m) { return prefs && prefs.methods && prefs.methods[m]; }));
      showView('methods');
      armTimeout(session);
      send('render');
    })
    .catch(function (err) {
      if (session !== state.session) return;
      fault(err && err.message);
    });
}

/** Checkout's own timeout: the modal closes and ondismiss('timeout') follows. */
function armTimeout(session) {
  var seconds = Number(opt('timeout', 0));
  if (!(seconds > 0) || state.silent) return;
  state.timer = setTimeout(function () {
    state.timer = null;
    if (session !== state.session || !state.open) return;
    closeSession();
    send('dismiss', 'timeout');
  }, seconds * 1000);
}

function closeSession() {
  state.session += 1;
  state.open = false;
  resetUi();
  modal.hidden = true;
}

/** Something went wrong that Checkout cannot show as a payment failure: it alerts and closes (§5.3 "Fault"). */
function fault(message) {
  $('fault-message').textContent = message || 'The payment could not be sent.';
  showView('fault');
  announce('Something went wrong');
  send('fault', { message: message || 'The payment could not be sent.' });
  // The session is over; checkout.js's close() then finds nothing open, so no ondismiss.
  state.session += 1;
  state.open = false;
  resetUi();
  modal.hidden = true;
}

// ---- closing: ×, Escape, backdrop, with optional in-frame confirmation --------------
function requestClose() {
  if (modal.hidden) return;
  if (opt('modal.confirm_close', false) === true) {
    $('confirm-layer').hidden = false;
    $('confirm-no').focus();
  } else {
    dismiss();
  }
}

function dismiss() {
  closeSession();
  send('dismiss');
}

function onEscape() {
  if (!$('confirm-layer').hidden) { $('confirm-layer').hidden = true; $('close').focus(); return; }
  if (opt('modal.escape', true) !== false) requestClose();
}

$('close').addEventListener('click', requestClose);
$('confirm-yes').addEventListener('click', dismiss);
$('confirm-no').addEventListener('click', function () { $('confirm-layer').hidden = true; $('close').focus(); });
$('backdrop').addEventListener('click', function () {
  if (opt('modal.backdropclose', false) === true) requestClose();
});
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape') { e.preventDefault(); onEscape(); return; }
  if (e.key === 'Tab') trapFocus(e);
});

// Keep keyboard focus inside the dialog (or the confirmation on top of it).
function trapFocus(e) {
  var scope = $('confirm-layer').hidden ? modal : $('confirm-layer');
  var focusables = Array.prototype.filter.call(scope.querySelectorAll('button, input, select'), function (el) {
    return !el.disabled && el.offsetParent !== null;
  });
  if (focusables.length === 0) return;
  var first = focusables[0], last = focusables[focusables.length - 1];
  if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  else if (scope.contains(document.activeElement) === false) { e.preventDefault(); first.focus(); }
}

// ---- choosing a method ------------------------------------------------------------
function chooseMethod(ins) {
  state.instrument = ins;
  state.attempt = null;
  $('popup-blocked').hidden = true;
  $('wallet-popup-blocked').hidden = true;
  if (ins.method === 'upi') {
    var flows = allowed(['qr', 'collect'], ins.flows, ins.hideFlows);
    // 'intent' needs a phone: on a kiosk screen it is a QR code, as on desktop.
    if (isList(ins.flows) && ins.flows.indexOf('intent') !== -1 && flows.indexOf('qr') === -1) flows.push('qr');
    $('upi-qr-section').hidden = flows.indexOf('qr') === -1;
    $('upi-collect-form').hidden = flows.indexOf('collect') === -1;
    showView('upi');
    // A QR code is a payment waiting to be paid: it exists from the moment it shows.
    if (flows.indexOf('qr') !== -1) {
      setQrButtons(false);
      startAttempt('upi', {}).then(function (id) { if (id) setQrButtons(true); });
    }
  } else if (ins.method === 'netbanking') {
    fillSelect($('bank'), CONFIG.banks, allowed(CONFIG.banks.map(function (b) { return b[0]; }), ins.banks, ins.hideBanks));
    showView('netbanking');
  } else if (ins.method === 'wallet') {
    fillSelect($('wallet'), CONFIG.wallets, allowed(CONFIG.wallets.map(function (w) { return w[0]; }), ins.wallets, ins.hideWallets));
    showView('wallet');
  } else {
    showView('card');
  }
}

function setQrButtons(enabled) {
  $('upi-pay').disabled = !enabled;
  $('upi-fail').disabled = !enabled;
}

$('back').addEventListener('click', function () {
  // Leaving a method abandons its attempt: the payment stays created, then times out.
  stopWatchingPopup(true);
  state.attempt = null;
  showView('methods');
});
$('retry').addEventListener('click', function () { state.attempt = null; showView('methods'); });

// ---- the payment: started when the donor submits a method, completed by the bank ---------
function post(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store'
  }).then(function (res) {
    if (!res.ok) throw new Error('The payment server answered ' + res.status + '.');
    return res.json();
  });
}

/** The donor submitted a method: the payment is created now. Resolves its id, or null. */
function startAttempt(method, extra) {
  var session = state.session;
  var body = {
    key_id: String(opt('key', '')),
    order_id: String(opt('order_id', '')),
    method: method,
    contact: opt('prefill.contact', null),
    email: opt('prefill.email', null),
    notes: opt('notes', null),
    description: opt('description', null)
  };
  for (var k in extra) body[k] = extra[k];
  var submitted = { method: method };
  if (extra.bank) submitted.bank = extra.bank;
  if (extra.wallet) submitted.wallet = extra.wallet;
  send('submit', submitted);
  var attempt = post('/_checkout/payments', body).then(function (result) {
    if (session !== state.session) return null;
    if (result && result.ok === true && result.payment_id) return result.payment_id;
    if (result && result.ok === false && result.error) showFailure(result.error);
    else fault('The payment server gave an unexpected answer.');
    return null;
  }, function (err) {
    if (session === state.session) fault(err && err.message);
    return null;
  });
  state.attempt = attempt;
  return attempt;
}

/** The bank's answer for the current attempt. */
function complete(outcome, reason) {
  var attempt = state.attempt;
  if (state.busy || !attempt) return;
  state.busy = true;
  var session = state.session;
  showView('processing');
  announce('Processing your payment');
  attempt.then(function (paymentId) {
    if (!paymentId || session !== state.session) return null;
    return post('/_checkout/payments/' + encodeURIComponent(paymentId) + '/complete', {
      key_id: String(opt('key', '')),
      outcome: outcome,
      reason: reason || null
    }).then(function (result) {
      if (session !== state.session) return;
      state.busy = false;
      state.attempt = null;
      if (result && result.ok === true && result.payment) {
        showView('success');
        announce('Payment successful');
        send('complete', result.payment);
      } else if (result && result.ok === false && result.error) {
        showFailure(result.error);
      } else {
        throw new Error('The payment server gave an unexpected answer.');
      }
    });
  }).catch(function (err) {
    if (session !== state.session) return;
    state.busy = false;
    // No answer, or not a payment answer: the real checkout alerts and closes (§5.3 "Fault").
    fault(err && err.message);
  });
}

function showFailure(error) {
  stopWatchingPopup(true);
  state.busy = false;
  state.attempt = null;
  $('error-message').textContent = error.description || 'Payment failed.';
  var retry = opt('retry', true);
  var retryOn = !(retry === false || (retry && typeof retry === 'object' && retry.enabled === false));
  $('retry').hidden = !retryOn;
  showView('error');
  announce('Payment failed. ' + (error.description || ''));
  send('paymenterror', { error: error });
  // Retry off: the session ends here, and ondismiss({error}) follows.
  if (!retryOn) { closeSession(); send('dismiss', { error: error }); }
}

// ---- UPI: QR code, or a collect request to the donor's UPI ID -----------------------------
$('upi-pay').addEventListener('click', function () { complete('success'); });
$('upi-fail').addEventListener('click', function () { complete('failure', 'payment_failed'); });

$('upi-collect-form').addEventListener('submit', function (e) {
  e.preventDefault();
  var vpa = $('upi-vpa').value.trim();
  if (!/^[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64}$/.test(vpa)) {
    $('upi-vpa-error').textContent = 'Enter a valid UPI ID, like name@bank.';
    $('upi-vpa-error').hidden = false;
    $('upi-vpa').setAttribute('aria-invalid', 'true');
    $('upi-vpa').focus();
    return;
  }
  $('upi-vpa-error').hidden = true;
  $('upi-vpa').removeAttribute('aria-invalid');
  $('collect-vpa').textContent = vpa;
  showView('upi-collect');
  startAttempt('upi', { vpa: vpa });
});
$('collect-approve').addEventListener('click', function () { complete('success'); });
$('collect-decline').addEventListener('click', function () { complete('failure', 'payment_cancelled'); });

// ---- Card: number, then the bank's OTP page -------------------------------------------------
function digitsOnly(text) { return String(text).replace(/[\s-]/g, ''); }

function cardError(message) {
  $('card-error').textContent = message;
  $('card-error').hidden = !message;
  if (message) $('card-number').setAttribute('aria-invalid', 'true');
  else $('card-number').removeAttribute('aria-invalid');
}

function fillCard(number) {
  $('card-number').value = number.replace(/(\d{4})(?=\d)/g, '$1 ');
  cardError('');
  $('card-pay').focus();
}
$('card-fill-success').addEventListener('click', function () { fillCard(CONFIG.successCard); });
$('card-fill-failure').addEventListener('click', function () { fillCard(CONFIG.failureCard); });
$('card-number').addEventListener('input', function () { cardError(''); });

$('card-form').addEventListener('submit', function (e) {
  e.preventDefault();
  var digits = digitsOnly($('card-number').value);
  if (digits === '') { cardError('Enter the card number.'); $('card-number').focus(); return; }
  if (!/^\d+$/.test(digits)) { cardError('The card number can only contain digits.'); $('card-number').focus(); return; }
  cardError('');
  // Test mode: listed cards behave as documented; anything else is an invalid card (§6).
  state.card = CONFIG.cards[digits] || { outcome: 'failure', reason: 'card_number_invalid', network: 'Unknown' };
  $('otp-last4').textContent = digits.slice(-4);
  $('otp-input').value = '';
  $('otp-error').hidden = true;
  showView('otp');
  startAttempt('card', { card_last4: digits.slice(-4), card_network: state.card.network });
});

$('otp-fill').addEventListener('click', function () { $('otp-input').value = '1234'; $('otp-submit').focus(); });
$('otp-form').addEventListener('submit', function (e) {
  e.preventDefault();
  var otp = $('otp-input').value.trim();
  if (!/^\d+$/.test(otp)) {
    $('otp-error').textContent = 'Enter the OTP: digits only.';
    $('otp-error').hidden = false;
    $('otp-input').focus();
    return;
  }
  var card = state.card || { outcome: 'failure', reason: 'card_number_invalid' };
  // Test mode: an OTP of 4 to 10 digits succeeds, a shorter one fails (§6).
  if (otp.length < 4) complete('failure', 'invalid_otp');
  else complete(card.outcome, card.reason);
});
$('otp-cancel').addEventListener('click', function () { complete('failure', 'payment_cancelled'); });

// ---- Netbanking and wallets: a popup opened from inside this frame, as Razorpay does (§5.4) ----
function popupFeatures() {
  var w = Math.min(Math.max(Math.round(window.innerWidth * 0.7), 895), 1440);
  var h = Math.min(Math.max(Math.round(window.innerHeight * 0.8), 520), 1060);
  var left = Math.max(0, Math.round((screen.width - w) / 2));
  var top = Math.max(0, Math.round((screen.height - h) / 2));
  return 'width=' + w + ',height=' + h + ',menubar=no,resizable=yes,location=no,scrollbars=yes,left=' + left + ',top=' + top;
}

function payInPopup(method, code, blockedAlert) {
  if (state.busy || state.popup || !code) return;
  var list = method === 'wallet' ? CONFIG.wallets : CONFIG.banks;
  var name = nameOf(list, code);
  var popup = window.open('', 'popup_' + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36), popupFeatures());
  if (!popup) {
    blockedAlert.hidden = false;
    announce('The payment window was blocked');
    return;
  }
  blockedAlert.hidden = true;
  state.popup = popup;
  state.popupMethod = method;
  state.provider = code;
  var page = CONFIG.bankPageTemplate
    .split('{{BANK_NAME}}').join(escapeHtml(name))
    .split('{{KIND_LABEL}}').join(method === 'wallet' ? 'Wallet' : 'Netbanking')
    .split('{{KIND}}').join(method === 'wallet' ? 'wallet' : 'netbanking')
    .split('{{MERCHANT}}').join(escapeHtml(opt('name', 'Merchant')))
    .split('{{AMOUNT}}').join(escapeHtml(formatAmount(opt('amount', 0), opt('currency', 'INR'))))
    .split('{{NONCE}}').join(escapeHtml(NONCE));
  popup.document.open();
  popup.document.write(page);
  popup.document.close();
  $('wait-bank').textContent = name;
  showView('bank-waiting');
  var extra = {};
  extra[method === 'wallet' ? 'wallet' : 'bank'] = code;
  startAttempt(method, extra);
  // Razorpay polls the popup every 200 ms; closing it without an answer cancels the payment.
  state.popupTimer = setInterval(function () {
    if (state.popup && state.popup.closed) onPopupClosed(false);
  }, 200);
}

$('netbanking-pay').addEventListener('click', function () { payInPopup('netbanking', $('bank').value, $('popup-blocked')); });
$('wallet-pay').addEventListener('click', function () { payInPopup('wallet', $('wallet').value, $('wallet-popup-blocked')); });

// The mock bank page calls this through window.opener.
window.__rzpSimBankResult = function (result) {
  if (!state.popup) return;
  finishPopup(result === 'success' ? 'success' : 'failure');
};

function onBankMessage(e) {
  var msg;
  try { msg = JSON.parse(e.data); } catch (err) { return; }
  if (msg && msg.source === 'bank') finishPopup(msg.result === 'success' ? 'success' : 'failure');
}

function finishPopup(result) {
  stopWatchingPopup(true);
  complete(result, result === 'success' ? null : 'payment_failed');
}

function onPopupClosed(closeIt) {
  var method = state.popupMethod;
  stopWatchingPopup(closeIt);
  send('cancel', { method: method });
  complete('failure', 'payment_cancelled');
}

function stopWatchingPopup(closeIt) {
  if (state.popupTimer !== null) { clearInterval(state.popupTimer); state.popupTimer = null; }
  var popup = state.popup;
  state.popup = null;
  if (closeIt && popup && !popup.closed) {
    try { popup.close(); } catch (err) { /* already gone */ }
  }
}

$('bank-focus').addEventListener('click', function () {
  if (state.popup) { try { state.popup.focus(); } catch (err) { /* best effort */ } }
});
$('bank-cancel').addEventListener('click', function () {
  if (state.popup) onPopupClosed(true);
});

window.addEventListener('beforeunload', function (e) {
  if (state.popup && !state.popup.closed) {
    e.preventDefault();
    e.returnValue = 'Your payment is incomplete.';
    return 'Your payment is incomplete.';
  }
});

// Tell checkout.js we can take messages. Nothing secret: any origin may hear it.
window.parent.postMessage(JSON.stringify({ source: 'frame', event: 'load' }), '*');
`;
