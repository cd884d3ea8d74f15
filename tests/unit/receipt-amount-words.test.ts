import { describe, expect, it } from 'vitest';
import { amountInWords, formatIndianRupees } from '../../src-main/domain/receipts/amount-in-words.ts';

describe('amount in words (Indian numbering)', () => {
  it.each([
    [1_00, 'Rupees One Only'],
    [99_00, 'Rupees Ninety-Nine Only'],
    [100_00, 'Rupees One Hundred Only'],
    [1_00_000_00, 'Rupees One Lakh Only'],
    [12_34_56_789_00, 'Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine Only'],
    [2_001_00, 'Rupees Two Thousand One Only'],
    [10_10_010_00, 'Rupees Ten Lakh Ten Thousand Ten Only'],
    [1_00_00_00_000_00, 'Rupees One Hundred Crore Only'],
  ])('%i paise is "%s"', (paise, words) => {
    expect(amountInWords(paise)).toBe(words);
  });

  it('says the paise', () => {
    expect(amountInWords(1_50)).toBe('Rupees One and Fifty Paise Only');
    expect(amountInWords(99_99)).toBe('Rupees Ninety-Nine and Ninety-Nine Paise Only');
    expect(amountInWords(12_34_56_789_05)).toBe('Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Five Paise Only');
    expect(amountInWords(75)).toBe('Seventy-Five Paise Only');
  });

  it('refuses what is not a whole number of paise', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(-100)).toThrow(RangeError);
  });

  it('groups figures the Indian way', () => {
    expect(formatIndianRupees(1_00)).toBe('₹1');
    expect(formatIndianRupees(1_00_000_00)).toBe('₹1,00,000');
    expect(formatIndianRupees(12_34_56_789_50)).toBe('₹12,34,56,789.50');
    expect(formatIndianRupees(999_00)).toBe('₹999');
  });
});
