/**
 * Does a property or variable name say it holds a secret? Names are split into lowercase words
 * at case changes, digits and separators (`MasterUserPassword`, `DB_PASSWORD`, `apiKey`,
 * `APIKey`), then judged by their words.
 */

/** A word that alone makes the name secret. */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'secrets', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'authtoken']);

/** Word pairs that together name a secret: `api key`, `private key`, `access key`. */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'signing key', 'encryption key']);

/**
 * A last word that makes the name about a secret rather than the secret itself: its ARN, ID,
 * name, length, policy, rotation, validity units... These name settings or references.
 */
const NOT_SECRET_LAST = new Set([
  'arn', 'arns', 'id', 'ids', 'name', 'names', 'length', 'policy', 'policies', 'type', 'types', 'enabled',
  'rotation', 'version', 'versions', 'ttl', 'count', 'strategy', 'url', 'uri', 'endpoint', 'path', 'parameter',
  'ref', 'validity', 'expiration', 'duration', 'period', 'days', 'hours', 'minutes', 'seconds', 'format',
  'mode', 'source', 'location', 'units', 'template', 'reset', 'required', 'prefix', 'field', 'header',
]);

/** A first word that makes the name an instruction about a secret: `GenerateSecretString`, `ManageMasterUserPassword`. */
const NOT_SECRET_FIRST = new Set(['generate', 'manage', 'require', 'enable', 'disable', 'allow', 'use', 'rotate', 'include', 'exclude']);

/**
 * `secret`: the name says it holds a secret (`MasterUserPassword`). `about-secret`: it names a
 * setting or a reference about a secret (`SecretArn`, `GenerateSecretString`,
 * `TokenValidityUnits`), whose whole subtree holds none. `other`: anything else.
 */
export function classifyName(name: string): NameKind {
  let kind = memo.get(name);
  if (kind === undefined) {
    kind = classify(name);
    // Property names repeat across resources; the cap keeps hostile input from growing it without bound.
    if (memo.size < MEMO_LIMIT) memo.set(name, kind);
  }
  return kind;
}

type NameKind = 'secret' | 'about-secret' | 'other';
const memo = new Map<string, NameKind>();
const MEMO_LIMIT = 10_000;

function classify(name: string): NameKind {
  const words = splitWords(name);
  if (!mentionsSecret(words)) return 'other';
  if (NOT_SECRET_LAST.has(words[words.length - 1]) || NOT_SECRET_FIRST.has(words[0])) return 'about-secret';
  return 'secret';
}

function mentionsSecret(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i])) return true;
    if (i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return true;
  }
  return false;
}

const enum Char {
  Lower,
  Upper,
  Digit,
  Other,
}

function charClass(c: number): Char {
  if (c >= 97 && c <= 122) return Char.Lower;
  if (c >= 65 && c <= 90) return Char.Upper;
  if (c >= 48 && c <= 57) return Char.Digit;
  return Char.Other;
}

/** `MasterUserPassword` → master user password; `APIKey` → api key; `db_password2` → db password 2. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const cls = i < name.length ? charClass(name.charCodeAt(i)) : Char.Other;
    if (start >= 0) {
      const prev = charClass(name.charCodeAt(i - 1));
      const next = i + 1 < name.length ? charClass(name.charCodeAt(i + 1)) : Char.Other;
      const boundary =
        cls === Char.Other ||
        (cls === Char.Digit) !== (prev === Char.Digit) ||
        (cls === Char.Upper && prev === Char.Lower) ||
        (cls === Char.Upper && prev === Char.Upper && next === Char.Lower);
      if (boundary) {
        words.push(name.slice(start, i).toLowerCase());
        start = -1;
      }
    }
    if (start < 0 && cls !== Char.Other) start = i;
  }
  return words;
}
