// The mock bank or wallet page shown in the netbanking and wallet popups
// (razorpay.md §5.4, §6: "Netbanking/wallets: mock page (in the popup) with
// Success/Failure"). {{BANK_NAME}} is the bank or the wallet, {{KIND}} says which. The
// checkout frame opens `about:blank` with window.open, fills in the {{...}}
// placeholders (HTML-escaped) and writes this page into it. The page reports back
// through `window.opener`, as Razorpay's bank-return pages do, with a postMessage
// fallback for openers that are not reachable.
//
// The popup inherits the frame's CSP, so its script carries the frame's nonce.

export const BANK_PAGE_TEMPLATE = String.raw`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{BANK_NAME}} {{KIND}} (simulator)</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #17202e; background: #eef1f6; }
  .sim { background: repeating-linear-gradient(45deg, #ffd43b, #ffd43b 14px, #fab005 14px, #fab005 28px); color: #1a1300; font-weight: 800; text-align: center; padding: 8px 12px; letter-spacing: 0.04em; }
  header { background: #0b3a6e; color: #fff; padding: 20px 28px; }
  header h1 { margin: 0; font-size: 26px; }
  header p { margin: 4px 0 0; opacity: 0.9; font-size: 16px; }
  main { max-width: 560px; margin: 32px auto; background: #fff; border-radius: 12px; padding: 28px; box-shadow: 0 2px 10px rgba(0,0,0,0.08); }
  dl { display: grid; grid-template-columns: auto 1fr; align-items: baseline; gap: 8px 20px; margin: 0 0 24px; }
  dt { color: #4a5568; }
  dd { margin: 0; font-weight: 600; }
  .amount { font-size: 28px; }
  p.note { color: #4a5568; font-size: 16px; margin: 0 0 20px; }
  .actions { display: flex; gap: 16px; flex-wrap: wrap; }
  button { flex: 1 1 200px; min-height: 64px; font: inherit; font-size: 20px; font-weight: 700; border-radius: 10px; cursor: pointer; padding: 12px 20px; }
  .ok { background: #157a3c; color: #fff; border: 2px solid #157a3c; }
  .fail { background: #fff; color: #b42318; border: 2px solid #b42318; }
  button:focus-visible { outline: 4px solid #ffbf47; outline-offset: 3px; }
  h1:focus { outline: none; }
</style>
</head>
<body>
<div class="sim" role="note">SIMULATOR — no real money</div>
<header>
  <h1 tabindex="-1" id="bank-name">{{BANK_NAME}}</h1>
  <p>{{KIND_LABEL}} · mock page</p>
</header>
<main>
  <dl>
    <dt>Pay to</dt><dd>{{MERCHANT}}</dd>
    <dt>Amount</dt><dd class="amount">{{AMOUNT}}</dd>
  </dl>
  <p class="note">This page stands in for the {{KIND}} login. Choose what it answers.</p>
  <div class="actions">
    <button type="button" class="ok" id="bank-success" data-testid="sim-bank-success">Success</button>
    <button type="button" class="fail" id="bank-failure" data-testid="sim-bank-failure">Failure</button>
  </div>
</main>
<script nonce="{{NONCE}}">
(function () {
  function finish(result) {
    try {
      window.opener.__rzpSimBankResult(result);
    } catch (err) {
      var target = window.opener || window.parent;
      if (target) target.postMessage(JSON.stringify({ source: 'bank', result: result }), '*');
    }
    window.close();
  }
  document.getElementById('bank-success').addEventListener('click', function () { finish('success'); });
  document.getElementById('bank-failure').addEventListener('click', function () { finish('failure'); });
  document.getElementById('bank-name').focus();
})();
</script>
</body>
</html>`;
