import type { Range, RelatedLocation, Value } from '../../model';

/**
 * Where a finding about a present value points. A scalar property: from its key to the end of
 * its value (`Status: Suspended`), so editors underline the whole setting. A collection: its key
 * only, because the value may span many lines. A list item has no key: a scalar item is its own
 * range; a map item points at its first key, the line that starts the item.
 */
export function propertyRange(value: Value, keyRange: Range | undefined): Range {
  if (keyRange) {
    if (value.kind === 'map' || value.kind === 'list') return keyRange;
    if (value.range.file !== keyRange.file) return keyRange;
    return { file: keyRange.file, start: keyRange.start, end: value.range.end };
  }
  if (value.kind === 'map') {
    const first = value.keyRanges.values().next();
    if (!first.done) return first.value;
  }
  return value.range;
}

/** A value that flowed in from elsewhere (a parameter Default, a variable) names those places. */
export function originLocations(value: Value | undefined): RelatedLocation[] {
  return (value?.origin ?? []).map((range) => ({ range, message: 'value comes from here' }));
}
