/**
 * A short, bounded description of an untrusted front-matter value for messages. Never serializes
 * the whole value: YAML aliases can make a 400-byte file describe a structure of gigabytes.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
