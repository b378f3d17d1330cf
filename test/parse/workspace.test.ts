import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/parse/workspace';
import { makeTree } from '../discover/tree';

describe('Workspace.isFile', () => {
  it('is true for a regular file inside the root, directly or through a link inside it', () => {
    const root = makeTree({ 'lib/a.ts': 'x\n' });
    symlinkSync(path.join(root, 'lib', 'a.ts'), path.join(root, 'link.ts'));
    const workspace = new Workspace(root, 1 << 20);
    expect(workspace.isFile(path.join(root, 'lib/a.ts'))).toBe(true);
    expect(workspace.isFile(path.join(root, 'link.ts'))).toBe(true);
  });

  it('is false for folders, missing files, and anything outside the root', () => {
    const outside = makeTree({ 'secret.txt': 'x\n' });
    const root = makeTree({ 'lib/a.ts': 'x\n' });
    mkdirSync(path.join(root, 'empty'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'));
    const workspace = new Workspace(root, 1 << 20);
    expect(workspace.isFile(path.join(root, 'lib'))).toBe(false);
    expect(workspace.isFile(path.join(root, 'lib/missing.ts'))).toBe(false);
    expect(workspace.isFile(path.join(outside, 'secret.txt'))).toBe(false);
    expect(workspace.isFile(path.join(root, 'escape.txt'))).toBe(false);
    expect(workspace.isFile(path.join(root, '../x'))).toBe(false);
  });
});
