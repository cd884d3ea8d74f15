// A payment window left alone (src-renderer/src/flow/checkout-watch.ts), on a
// fake clock: closed after the idle time and the prompt when no payment is
// under way; never while one is (or while Razorpay cannot say).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckoutWatch } from '../../src-renderer/src/flow/checkout-watch.ts';

const settings = { quietMs: 60_000, promptMs: 15_000, recheckMs: 15_000 };

function watch(answers: (boolean | null)[]) {
  const asked: number[] = [];
  const prompts: (number | null)[] = [];
  const abandoned: number[] = [];
  const queue = [...answers];
  const w = new CheckoutWatch({
    settings,
    ask: async () => {
      asked.push(Date.now());
      return queue.length > 1 ? (queue.shift() ?? null) : (queue[0] ?? null);
    },
    onPrompt: (left) => prompts.push(left),
    onAbandoned: () => abandoned.push(Date.now()),
  });
  return { w, asked, prompts, abandoned };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a payment window left alone', () => {
  it('with no payment under way: the prompt after the idle time, closed when it runs out (75 s in all)', async () => {
    const { w, asked, prompts, abandoned } = watch([false]);
    w.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(prompts[0]).toBe(15);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(prompts.at(-1)).toBe(1);
    expect(abandoned).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    // One last question at the end of the countdown, then closed.
    expect(asked).toEqual([60_000, 75_000]);
    expect(abandoned).toEqual([75_000]);
    expect(prompts.at(-1)).toBeNull();
  });

  it('a donor paying on their phone is never cut off: no prompt while a payment is under way', async () => {
    const { w, prompts, abandoned, asked } = watch([true]);
    w.start();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(prompts).toEqual([]);
    expect(abandoned).toEqual([]);
    // Asked again every 15 s after the first minute.
    expect(asked.slice(0, 3)).toEqual([60_000, 75_000, 90_000]);
    w.stop();
  });

  it('when Razorpay cannot say, the window stays', async () => {
    const { w, prompts, abandoned } = watch([null]);
    w.start();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(prompts).toEqual([]);
    expect(abandoned).toEqual([]);
    w.stop();
  });

  it('a payment that starts during the countdown keeps the window open', async () => {
    const { w, prompts, abandoned } = watch([false, true]);
    w.start();
    await vi.advanceTimersByTimeAsync(75_000);
    expect(prompts[0]).toBe(15);
    expect(prompts.at(-1)).toBeNull();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(abandoned).toEqual([]);
    w.stop();
  });

  it('"I\'m still here" hides the prompt and starts the wait again', async () => {
    const { w, prompts, abandoned } = watch([false]);
    w.start();
    await vi.advanceTimersByTimeAsync(65_000);
    w.stillHere();
    expect(prompts.at(-1)).toBeNull();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(abandoned).toEqual([]);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(abandoned).toEqual([140_000]);
  });

  it('does nothing once stopped (the window closed or was paid)', async () => {
    const { w, asked, abandoned } = watch([false]);
    w.start();
    w.stop();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(asked).toEqual([]);
    expect(abandoned).toEqual([]);
  });
});
