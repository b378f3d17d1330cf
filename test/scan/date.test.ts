import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args';
import { chooseScanDate } from '../../src/scan/date';

const FLAG = { name: '--scan-date', value: undefined };

describe('the scan date the caller asks for', () => {
  it('is the date given, written YYYY-MM-DD, whatever SOURCE_DATE_EPOCH says', () => {
    expect(chooseScanDate({ ...FLAG, value: '2025-12-31' }, undefined)).toEqual({ date: '2025-12-31' });
    expect(chooseScanDate({ ...FLAG, value: '2024-02-29' }, '1767225600')).toEqual({ date: '2024-02-29' });
  });

  it.each(['2026-02-30', '2026-3-1', '31.12.2025', '2025-12-31T00:00:00Z', 'today', ''])('rejects %j, saying what it expected', (value) => {
    expect(chooseScanDate({ ...FLAG, value }, undefined)).toEqual({
      problem: `--scan-date ${JSON.stringify(value)} is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31`,
    });
  });

  it("else is SOURCE_DATE_EPOCH's day in UTC", () => {
    expect(chooseScanDate(FLAG, '1767225600')).toEqual({ date: '2026-01-01' }); // 2026-01-01T00:00:00Z
    expect(chooseScanDate(FLAG, '1767225599')).toEqual({ date: '2025-12-31' });
    expect(chooseScanDate(FLAG, '0')).toEqual({ date: '1970-01-01' });
  });

  it('else is left to the scan (today), an empty SOURCE_DATE_EPOCH counting as unset', () => {
    expect(chooseScanDate(FLAG, undefined)).toEqual({ date: undefined });
    expect(chooseScanDate(FLAG, '')).toEqual({ date: undefined });
  });

  it.each(['yesterday', '1767225600.5', '-1', ' 1767225600', '1e9', '99999999999999'])('rejects SOURCE_DATE_EPOCH %j rather than fall back to today', (epoch) => {
    const choice = chooseScanDate(FLAG, epoch);
    expect(choice).toEqual({ problem: expect.stringContaining(`SOURCE_DATE_EPOCH ${JSON.stringify(epoch)} is not valid; expected a whole number of seconds since 1970-01-01 00:00 UTC`) });
    expect(choice.problem).toMatch(/or give the date with --scan-date instead$/);
  });
});

describe('--scan-date on the command line', () => {
  it('sets the scan date, else SOURCE_DATE_EPOCH does, else nothing (today)', () => {
    expect(parseCliArgs(['--scan-date', '2025-12-31', '.']).scanDate).toBe('2025-12-31');
    expect(parseCliArgs(['--scan-date=2025-12-31'], { SOURCE_DATE_EPOCH: '1767225600' }).scanDate).toBe('2025-12-31');
    expect(parseCliArgs(['.'], { SOURCE_DATE_EPOCH: '1767225600' }).scanDate).toBe('2026-01-01');
    expect(parseCliArgs(['.']).scanDate).toBeUndefined();
  });

  it('is a usage error when malformed, saying what was expected', () => {
    expect(() => parseCliArgs(['--scan-date', '2025-13-01'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--scan-date', '2025-13-01'])).toThrow('--scan-date "2025-13-01" is not valid; expected a calendar date written YYYY-MM-DD, e.g. 2026-03-31.');
    expect(() => parseCliArgs(['.'], { SOURCE_DATE_EPOCH: 'now' })).toThrow(/^SOURCE_DATE_EPOCH "now" is not valid; expected a whole number of seconds/);
  });
});
