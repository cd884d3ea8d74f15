// "Add the processing fee": the donor may add a percentage of the gift so the
// charity receives the whole gift after Razorpay's fee. Main decides the fee
// from its own setting; the renderer shows the same figure with the same rule
// (src-renderer/src/flow/fee.ts; tests/unit/fee-cover.test.ts keeps them equal).

/**
 * The fee in whole rupees for a gift of `giftRupees` at `percent` (0 = off),
 * rounded up so the charity never receives less than the gift. Integer
 * arithmetic on hundredths of a percent, so 1.1% of ₹1,234 is exactly ₹14.
 */
export function processingFeeRupees(giftRupees: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  if (!(hundredths > 0) || !(giftRupees > 0)) return 0;
  return Math.ceil((giftRupees * hundredths) / 10_000);
}
