/**
 * Bounds on what one function call may build. Scanned code is untrusted: `range(1e9)`,
 * `format("%999999999s", "")` or a nested `flatten` must cost nothing. A result past a bound
 * becomes an Unknown that says which bound, never a partial value.
 */

/** Items in one list or entries in one map that a function builds. */
export const MAX_ITEMS = 10_000;

/** UTF-16 code units in one string that a function builds (1 MiB of ASCII). */
export const MAX_STRING_LENGTH = 1 << 20;

/** Numbers `range` makes: Terraform's own limit, past which Terraform reports an error. */
export const MAX_RANGE_ITEMS = 1024;

/** How deeply `flatten`, `jsondecode` and `yamldecode` follow nested collections. */
export const MAX_NESTING = 64;

/** Values `yamldecode` may build, aliases expanded: an alias bomb stops here. */
export const MAX_DECODED_NODES = 100_000;

/** Steps one call's regular-expression matching may take (linear-time engine, see regexp/). */
export const MAX_REGEX_STEPS = 5_000_000;

/** Instructions a compiled pattern may have (counted repetitions multiply it). */
export const MAX_PATTERN_INSTRUCTIONS = 20_000;

/** Places a derived value remembers in `origin`. */
export const MAX_ORIGINS = 16;
