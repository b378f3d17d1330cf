import { describe, expect, it } from 'vitest';
import { attr, scanTree, span, tf } from './helpers';

const MAIN = tf(
  'resource "aws_db_instance" "db" {', // 1
  '  engine              = "postgres"', // 2
  '  publicly_accessible = true', // 3
  '  tags = {', // 4
  '    Name = "db"', // 5
  '  }', // 6
  '  restore_to_point_in_time {', // 7
  '    use_latest_restorable_time = true', // 8
  '  }', // 9
  '  count = 1', // 10
  '  lifecycle {', // 11
  '    prevent_destroy = true', // 12
  '  }', // 13
  '}', // 14
);

describe('ranges', () => {
  it('a resource is placed at its block header; keys at attribute names and block type words', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const db = result.get('aws_db_instance.db[0]');
    expect(db.file).toBe('main.tf');
    expect(span(db.range)).toBe('1:1-1:32');
    expect(result.textAt(db.range)).toBe('resource "aws_db_instance" "db"');
    expect(span(db.attributes.keyRanges.get('engine'))).toBe('2:3-2:9');
    expect(span(db.attributes.keyRanges.get('publicly_accessible'))).toBe('3:3-3:22');
    expect(span(db.attributes.keyRanges.get('restore_to_point_in_time'))).toBe('7:3-7:27');
    expect(span(attr(db, 'publicly_accessible')?.range)).toBe('3:25-3:29');
    expect(span(attr(db, 'engine')?.range)).toBe('2:25-2:35');
  });

  it('nested values keep their own places', () => {
    const result = scanTree({ 'main.tf': MAIN });
    const db = result.get('aws_db_instance.db[0]');
    expect(result.textAt(attr(db, 'tags.Name')!.range)).toBe('"db"');
    const block = attr(db, 'restore_to_point_in_time.0');
    expect(block?.kind === 'map' && span(block.keyRanges.get('use_latest_restorable_time'))).toBe('8:5-8:31');
    expect(span(attr(db, 'restore_to_point_in_time.0.use_latest_restorable_time')?.range)).toBe('8:34-8:38');
  });

  it('meta-arguments are not attributes', () => {
    const db = scanTree({ 'main.tf': MAIN }).get('aws_db_instance.db[0]');
    expect([...db.attributes.entries.keys()]).toEqual(['engine', 'publicly_accessible', 'tags', 'restore_to_point_in_time']);
  });

  it('a syntax error is an error notice with file, line and column; the other files still evaluate', () => {
    const result = scanTree({
      'broken/main.tf': tf('resource "aws_s3_bucket" "b" {', '  bucket = ', '}', 'resource "aws_s3_bucket" "after" {}'),
      'ok/main.tf': tf('resource "aws_s3_bucket" "ok" {}'),
    });
    const errors = result.notices.filter((n) => n.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'parse-error', file: 'broken/main.tf' });
    expect(errors[0].range?.start.line).toBeGreaterThanOrEqual(2);
    expect(errors[0].message).toMatch(/^Invalid HCL: /);
    expect(result.addresses()).toContain('aws_s3_bucket.ok');
  });
});
