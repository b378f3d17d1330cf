import { describe, expect, it } from 'vitest';
import { CALL, ERROR, UNKNOWN, call, errorTable, plain, ref, resultTable } from './helpers';

describe('encoding functions', () => {
  resultTable([
    ['base64encode', ['Hello World'], 'SGVsbG8gV29ybGQ='],
    ['base64encode', ['☃'], '4piD'],
    ['base64decode', ['SGVsbG8gV29ybGQ='], 'Hello World'],
    ['base64decode', ['SGVs\nbG8='], 'Hello'],
    ['textencodebase64', ['Hello World', 'UTF-16LE'], 'SABlAGwAbABvACAAVwBvAHIAbABkAA=='],
    ['textencodebase64', ['Hello World', 'UTF-8'], 'SGVsbG8gV29ybGQ='],
    ['textencodebase64', ['Hi', 'UTF-16BE'], 'AEgAaQ=='],
    ['textdecodebase64', ['SABlAGwAbABvACAAVwBvAHIAbABkAA==', 'UTF-16LE'], 'Hello World'],
    ['textdecodebase64', ['6Q==', 'ISO-8859-1'], 'é'],
    ['urlencode', ['Hello World!'], 'Hello+World%21'],
    ['urlencode', ['☃'], '%E2%98%83'],
    ['urlencode', ['a-b_c.d~e/f?g=h'], 'a-b_c.d~e%2Ff%3Fg%3Dh'],
    ['csvdecode', ['a,b,c\n1,2,3\n4,5,6'], [{ a: '1', b: '2', c: '3' }, { a: '4', b: '5', c: '6' }]],
    ['csvdecode', ['name,note\r\nx,"a, ""quoted"" b"\r\n\r\ny,"two\nlines"\n'], [{ name: 'x', note: 'a, "quoted" b' }, { name: 'y', note: 'two\nlines' }]],
    ['csvdecode', ['a,b\n1,\n'], [{ a: '1', b: '' }]],
    ['csvdecode', ['a,b'], []],
  ]);

  errorTable([
    ['base64decode', ['SGVsbG8']],
    ['base64decode', ['SGV*bG8=']],
    // 0xFF is not UTF-8.
    ['base64decode', ['/w==']],
    ['textdecodebase64', ['/w==', 'UTF-8']],
    ['csvdecode', ['a,b\n1,2,3']],
    ['csvdecode', ['a\n"open']],
    ['csvdecode', ['a\nx"y']],
    ['csvdecode', ['']],
    ['csvdecode', ['a,a\n1,2']],
  ]);

  it('gives an Unknown for encodings it cannot write and for gzip', () => {
    expect(plain(call('textencodebase64', 'x', 'SHIFT_JIS'))).toEqual(UNKNOWN);
    expect(plain(call('textdecodebase64', 'eA==', 'no-such-encoding'))).toEqual(UNKNOWN);
    expect(plain(call('base64gzip', 'hello'))).toEqual(UNKNOWN);
  });

  it('makes the rows of a CSV string at the call when the text is not written verbatim', () => {
    const rows = call('csvdecode', 'a\n1\n');
    expect(rows).toMatchObject({ kind: 'list', range: CALL });
  });

  it('is unknown when the text is', () => {
    expect(call('base64encode', ref('random_password.p', 'result'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'random_password.p' }] });
  });
});

describe('hash functions', () => {
  resultTable([
    ['md5', ['hello world'], '5eb63bbbe01eeed093cb22bb8f5acdc3'],
    ['sha1', ['hello world'], '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed'],
    ['sha256', ['hello world'], 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
    [
      'sha512',
      ['hello world'],
      '309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f',
    ],
    ['base64sha256', ['hello world'], 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek='],
    ['base64sha512', ['hello world'], 'MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=='],
  ]);

  resultTable([
    ['uuidv5', ['dns', 'www.terraform.io'], 'a5008fae-b28c-5ba5-96cd-82b4c53552d6'],
    ['uuidv5', ['url', 'https://www.terraform.io/'], '9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5'],
    ['uuidv5', ['oid', '1.3.6.1.4'], 'af9d40a5-7a36-5c07-b23a-851cd99fbfa5'],
    ['uuidv5', ['x500', 'CN=Example,C=GB'], '84e09961-4aa4-57f8-95b7-03edb1073253'],
    ['uuidv5', ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.terraform.io'], 'a5008fae-b28c-5ba5-96cd-82b4c53552d6'],
    ['uuidv5', ['743ac3c0-3bf7-4a5b-9e6c-59360447c757', 'LIBS:diskfont.library'], 'ede1a974-df7e-5f17-84b9-76208818b2c8'],
  ]);

  it('rejects a namespace that is not a UUID', () => {
    expect(plain(call('uuidv5', 'nope', 'x'))).toEqual(ERROR);
  });

  it('is unknown when the text is, keeping its secrecy', () => {
    expect(call('sha256', ref('random_password.p', 'result'))).toMatchObject({ kind: 'unknown', refs: [{ key: 'random_password.p' }] });
  });
});
