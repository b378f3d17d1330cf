import { describe, expect, it } from 'vitest';
import { isUserFrame, parseFrame } from '../../../src/parse/cdk/frames';

describe('stack trace frames as synthesis records them', () => {
  it.each([
    ['new AppStack (/home/u/app/lib/app-stack.js:27:5)', '/home/u/app/lib/app-stack.js', 27, 5],
    ['Object.<anonymous> (/home/u/app/lib/storage.js:10:5)', '/home/u/app/lib/storage.js', 10, 5],
    ['    at new Bucket (/home/u/app/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js:1:12345)', '/home/u/app/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js', 1, 12345],
    ['at file:///home/u/app/bin/app.mjs:7:1', '/home/u/app/bin/app.mjs', 7, 1],
    ['new Stack (file:///home/u/my%20app/lib/x.mjs:3:9)', '/home/u/my app/lib/x.mjs', 3, 9],
    ['new AppStack (C:\\Users\\u\\app\\lib\\app-stack.ts:12:3)', 'C:/Users/u/app/lib/app-stack.ts', 12, 3],
    ['new AppStack (file:///C:/Users/u/app/lib/app-stack.ts:12:3)', 'C:/Users/u/app/lib/app-stack.ts', 12, 3],
    ['new X (C:\\Program Files (x86)\\app\\lib\\x.js:4:2)', 'C:/Program Files (x86)/app/lib/x.js', 4, 2],
    ['/home/u/app/lib/bare.js:8', '/home/u/app/lib/bare.js', 8, 1],
    ['<anonymous> (/home/u/app/stacks/app.py:14:0)', '/home/u/app/stacks/app.py', 14, 1],
  ])('reads %s', (text, file, line, column) => {
    expect(parseFrame(text)).toEqual({ file, line, column });
  });

  it.each([
    '...new Vpc2 in aws-cdk-lib...',
    '    ...aws-cdk-lib, node internals...',
    '(no user code in 50 frames, use --stack-trace-limit to capture more)',
    'Array.forEach (:)',
    'Module._compile (node:internal/modules/cjs/loader:1105:14)',
    'Module._compile (internal/modules/cjs/loader.js:999:30)',
    'async Promise.all (index 0)',
    'eval at run (/home/u/app/x.js:1:1), <anonymous>:1:1',
    'new X (/home/u/app/x.js:0:1)',
    `new X (/home/u/${'a/'.repeat(3000)}x.js:1:1)`,
  ])('finds no place in %s', (text) => {
    expect(parseFrame(text)).toBeUndefined();
  });

  it('tells the user’s code from libraries: npm packages, CDK’s own tree, Python packages', () => {
    const user = (file: string) => isUserFrame({ file, line: 1, column: 1 });
    expect(user('/home/u/app/lib/constructs/storage.ts')).toBe(true);
    expect(user('/home/u/app/node_modules/constructs/lib/construct.js')).toBe(false);
    expect(user('/home/u/app/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js')).toBe(false);
    expect(user('/tmp/jsii-kernel-1/node_modules/aws-cdk-lib/core/lib/stack.js')).toBe(false);
    expect(user('/src/aws-cdk/packages/aws-cdk-lib/core/lib/stack.js')).toBe(false);
    expect(user('/home/u/app/.venv/lib/python3.12/site-packages/aws_cdk/__init__.py')).toBe(false);
  });
});
