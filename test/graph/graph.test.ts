import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../src/graph/graph';
import { range, resource } from '../helpers/scan-result';

describe('ResourceGraph.ofTypeBeside', () => {
  const at = (file: string) => range(file, 1, 1, 1, 2);
  const a1 = resource('a.yaml', 'B1', 'AWS::S3::Bucket', at('a.yaml'));
  const a2 = resource('a.yaml', 'B2', 'AWS::S3::Bucket', at('a.yaml'));
  const b1 = resource('b.yaml', 'B1', 'AWS::S3::Bucket', at('b.yaml'));
  const inModule = resource('mod/main.tf', 'aws_s3_bucket.x', 'AWS::S3::Bucket', at('mod/main.tf'), { unit: 'a.yaml' });
  const key = resource('a.yaml', 'K', 'AWS::KMS::Key', at('a.yaml'));
  const graph = new ResourceGraph([a1, b1, key, a2, inModule]);

  it('gives the resources of a type in the same deployment unit, in scan order, however often and in whatever order it is asked', () => {
    expect(graph.ofTypeBeside('AWS::S3::Bucket', b1)).toEqual([b1]);
    expect(graph.ofTypeBeside('AWS::S3::Bucket', a1)).toEqual([a1, a2, inModule]);
    expect(graph.ofTypeBeside('AWS::S3::Bucket', b1)).toEqual([b1]);
    expect(graph.ofTypeBeside('AWS::S3::Bucket', key)).toEqual([a1, a2, inModule]);
    expect(graph.ofTypeBeside('AWS::KMS::Key', b1)).toEqual([]);
    expect(graph.ofTypeBeside('AWS::SQS::Queue', a1)).toEqual([]);
  });
});
