// The same rule as main's src-main/domain/fee-cover.ts (the renderer may not
// import main code; tests/unit/fee-cover.test.ts checks the two agree). Main
// computes the fee again and never takes this figure from the renderer.

/** The processing fee in whole rupees, rounded up; 0 when the offer is off. */
export function processingFeeRupees(giftRupees: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  if (!(hundredths > 0) || !(giftRupees > 0)) return 0;
  return Math.ceil((giftRupees * hundredths) / 10_000);
}
