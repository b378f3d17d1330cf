import { describe, expect, it } from 'vitest';
import { formatOutputs } from '../../src/action/outputs';

describe('step outputs', () => {
  it('writes each output in the delimited form', () => {
    expect(formatOutputs({ findings: '3', failed: 'true' }, 'EOF_x')).toBe('findings<<EOF_x\n3\nEOF_x\nfailed<<EOF_x\ntrue\nEOF_x\n');
  });

  it('refuses a value that holds the delimiter, which would end the value early', () => {
    expect(() => formatOutputs({ 'sarif-file': 'a\nEOF_x\nfailed=false' }, 'EOF_x')).toThrow(/delimiter/);
  });
});
