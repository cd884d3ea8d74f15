// Behaviour of the checkout frame (browser JavaScript, ES2017, kept as a string;
// it must not contain "${"). It receives the Checkout options from checkout.js,
// lets the donor pick a method, asks the simulator to create the payment through
// POST /_checkout/pay (same origin: the frame never sees the key secret), and
// reports back with the events of razorpay.md §5.1: load, render, submit,
// complete, paymenterror, cancel, fault, dismiss.
//
// `CONFIG` (test cards, banks, bank page template) is injected by frame-page.ts.

export const FRAME_SCRIPT = String.raw`
'use strict';

var $ = function (id) { return document.getElementById(id); };
// The popup inherits this page's CSP, so the bank page's script needs our nonce.
var NONCE = (document.currentScript && document.currentScript.nonce) || '';
var modal = $('modal');

var state = {
  id: null,            // the Razorpay instance this session belongs to
  options: null,
  parentOrigin: null,  // pinned at the first 'open'; later messages must come from it
  session: 0,          // bumped on every open/close, so late answers of old sessions are ignored
  busy: false,
  popup: null,
  popupTimer: null,
  bank: null,
  view: 'methods'
};

// Opened directly rather than inside checkout.js's iframe: just explain what this is.
if (window.parent === window) {
  $('standalone').hidden = false;
  return;
}

// ---- talking to checkout.js ---------------------------------------------------
function send(event, data) {
  if (!state.parentOrigin) return;
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
  } else if (msg.data.id === state.id) {
    if (msg.event === 'close') closeSession();
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

// ---- views ------------------------------------------------------------------------
var METHOD_VIEWS = { upi: true, card: true, netbanking: true };

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
  // Only data: URIs (razorpay.md §5.2); the page's CSP allows no other images.
  if (typeof image === 'string' && /^data:image\//.test(image)) {
    var img = document.createElement('img');
    img.alt = '';
    img.src = image;
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

// ---- session lifecycle ------------------------------------------------------------
function resetUi() {
  state.busy = false;
  stopWatchingPopup(true);
  $('confirm-layer').hidden = true;
  $('card-number').value = '';
  $('card-number').removeAttribute('aria-invalid');
  $('card-error').hidden = true;
  $('popup-blocked').hidden = true;
  $('bank').selectedIndex = 0;
}

function open(data) {
  state.session += 1;
  state.id = typeof data.id === 'string' ? data.id : null;
  state.options = data.options && typeof data.options === 'object' ? data.options : {};
  resetUi();
  renderHeader();
  drawQr(String(opt('order_id', '') || state.id));
  modal.hidden = false;
  showView('methods');
  send('render');
}

function closeSession() {
  state.session += 1;
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
Array.prototype.forEach.call(document.querySelectorAll('[data-method]'), function (button) {
  button.addEventListener('click', function () {
    var method = button.getAttribute('data-method');
    $('popup-blocked').hidden = true;
    showView(method);
  });
});
$('back').addEventListener('click', function () { showView('methods'); });
$('retry').addEventListener('click', function () { showView('methods'); });

// ---- creating the payment -----------------------------------------------------------
function pay(method, outcome, reason, extra) {
  if (state.busy) return;
  state.busy = true;
  var session = state.session;
  var body = {
    key_id: String(opt('key', '')),
    order_id: String(opt('order_id', '')),
    method: method,
    outcome: outcome,
    reason: reason || null,
    contact: opt('prefill.contact', null),
    email: opt('prefill.email', null)
  };
  if (extra) for (var k in extra) body[k] = extra[k];
  showView('processing');
  announce('Processing your payment');

  fetch('/_checkout/pay', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store'
  }).then(function (res) {
    if (!res.ok) throw new Error('The payment server answered ' + res.status + '.');
    return res.json();
  }).then(function (result) {
    if (session !== state.session) return;
    state.busy = false;
    if (result && result.ok === true && result.payment) {
      showView('success');
      announce('Payment successful');
      send('complete', result.payment);
    } else if (result && result.ok === false && result.error) {
      showFailure(result.error);
    } else {
      throw new Error('The payment server gave an unexpected answer.');
    }
  }).catch(function (err) {
    if (session !== state.session) return;
    state.busy = false;
    // No answer, or not a payment answer: the real checkout alerts and closes (§5.3 "Fault").
    showView('fault');
    announce('Something went wrong');
    send('fault', { message: (err && err.message) || 'The payment could not be sent.' });
  });
}

function showFailure(error) {
  $('error-message').textContent = error.description || 'Payment failed.';
  var retry = opt('retry', true);
  var retryOn = !(retry === false || (retry && typeof retry === 'object' && retry.enabled === false));
  $('retry').hidden = !retryOn;
  showView('error');
  announce('Payment failed. ' + (error.description || ''));
  send('paymenterror', { error: error });
}

// ---- UPI QR -----------------------------------------------------------------------------
$('upi-pay').addEventListener('click', function () {
  send('submit', { method: 'upi' });
  pay('upi', 'success');
});
$('upi-fail').addEventListener('click', function () {
  send('submit', { method: 'upi' });
  pay('upi', 'failure', 'payment_failed');
});

// ---- Card ---------------------------------------------------------------------------------
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
  var card = CONFIG.cards[digits] || { outcome: 'failure', reason: 'card_number_invalid', network: 'Unknown' };
  send('submit', { method: 'card' });
  pay('card', card.outcome, card.reason, { card_last4: digits.slice(-4), card_network: card.network });
});

// ---- Netbanking: a popup opened from inside this frame, as Razorpay does (§5.4) ---------------
function bankName(code) {
  for (var i = 0; i < CONFIG.banks.length; i++) if (CONFIG.banks[i][0] === code) return CONFIG.banks[i][1];
  return code;
}

function popupFeatures() {
  var w = Math.min(Math.max(Math.round(window.innerWidth * 0.7), 895), 1440);
  var h = Math.min(Math.max(Math.round(window.innerHeight * 0.8), 520), 1060);
  var left = Math.max(0, Math.round((screen.width - w) / 2));
  var top = Math.max(0, Math.round((screen.height - h) / 2));
  return 'width=' + w + ',height=' + h + ',menubar=no,resizable=yes,location=no,scrollbars=yes,left=' + left + ',top=' + top;
}

$('netbanking-pay').addEventListener('click', function () {
  if (state.busy || state.popup) return;
  var code = $('bank').value;
  var popup = window.open('', 'popup_' + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36), popupFeatures());
  if (!popup) {
    $('popup-blocked').hidden = false;
    announce('The bank window was blocked');
    return;
  }
  $('popup-blocked').hidden = true;
  state.popup = popup;
  state.bank = code;
  var page = CONFIG.bankPageTemplate
    .split('{{BANK_NAME}}').join(escapeHtml(bankName(code)))
    .split('{{MERCHANT}}').join(escapeHtml(opt('name', 'Merchant')))
    .split('{{AMOUNT}}').join(escapeHtml(formatAmount(opt('amount', 0), opt('currency', 'INR'))))
    .split('{{NONCE}}').join(escapeHtml(NONCE));
  popup.document.open();
  popup.document.write(page);
  popup.document.close();
  send('submit', { method: 'netbanking', bank: code });
  $('wait-bank').textContent = bankName(code);
  showView('bank-waiting');
  // Razorpay polls the popup every 200 ms; closing it without an answer cancels the payment.
  state.popupTimer = setInterval(function () {
    if (state.popup && state.popup.closed) onBankClosed(false);
  }, 200);
});

// The mock bank page calls this through window.opener.
window.__rzpSimBankResult = function (result) {
  if (!state.popup) return;
  finishBank(result === 'success' ? 'success' : 'failure');
};

function onBankMessage(e) {
  var msg;
  try { msg = JSON.parse(e.data); } catch (err) { return; }
  if (msg && msg.source === 'bank') finishBank(msg.result === 'success' ? 'success' : 'failure');
}

function finishBank(result) {
  var bank = state.bank;
  stopWatchingPopup(true);
  pay('netbanking', result, result === 'success' ? null : 'payment_failed', { bank: bank });
}

function onBankClosed(closeIt) {
  var bank = state.bank;
  stopWatchingPopup(closeIt);
  send('cancel', { method: 'netbanking' });
  pay('netbanking', 'failure', 'payment_cancelled', { bank: bank });
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
  if (state.popup) onBankClosed(true);
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
