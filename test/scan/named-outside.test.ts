import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan';
import { makeTree } from '../discover/tree';

/**
 * `iac-scan ../infra` run from another folder: the named folder is the scan's as much as the
 * root is, so a module call inside it reads its local module, while a source that leaves it is
 * still refused.
 */
describe('a folder named outside the scan root', () => {
  const tree = makeTree({
    'work/.keep': '',
    'infra/envs/prod/main.tf': 'module "store" {\n  source = "../../modules/store"\n}\nmodule "far" {\n  source = "../../../elsewhere"\n}\n',
    'infra/modules/store/main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
    'elsewhere/main.tf': 'resource "aws_s3_bucket" "far" {\n  bucket = "far"\n}\n',
  });

  it('reads the local modules inside it, and nothing beyond it', async () => {
    const { result } = await scan({ paths: ['../infra'], cwd: path.join(tree, 'work'), today: '2026-01-01' });
    expect(result.resources.map((r) => r.address)).toContain('module.store.aws_s3_bucket.data');
    expect(result.resources.map((r) => r.address)).not.toContain('module.far.aws_s3_bucket.far');
    expect(result.findings.every((f) => f.at.file === '../infra/modules/store/main.tf')).toBe(true);
    expect(result.notices.filter((n) => n.code.startsWith('module-')).map((n) => [n.code, n.file, n.range?.start.line])).toEqual([
      ['module-outside-root', '../infra/envs/prod/main.tf', 4],
    ]);
  });
});
