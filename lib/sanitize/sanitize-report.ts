export type SanitizeReason =
  | 'element-not-allowed'
  | 'element-not-allowed-with-content'
  | 'attribute-not-allowed'
  | 'event-handler'
  | 'unsafe-url'
  | 'empty-value'
  | 'unsafe-value'
  | 'image-without-source'
  | 'h1-to-h2';

/** Why, in words, for the checker's output and logs (the preview page says it in the site's language). */
export const REASON_TEXT: Record<SanitizeReason, string> = {
  'element-not-allowed': 'element not allowed; its text is kept',
  'element-not-allowed-with-content': 'element not allowed; removed with its content',
  'attribute-not-allowed': 'attribute not allowed',
  'event-handler': 'event handler',
  'unsafe-url': 'unsafe URL scheme',
  'empty-value': 'empty value',
  'unsafe-value': 'unsafe value',
  'image-without-source': 'image without an http(s) or relative source',
  'h1-to-h2': "became <h2>: the article title is the page's only <h1>",
};

/** One kind of change sanitizing made to a body, counted: what an editor needs to know why something is missing. */
export type SanitizeChange = {
  action: 'removed' | 'changed';
  /** An element, one of its attributes, or the URL in one of its attributes. */
  target: 'element' | 'attribute' | 'url';
  /** The element's tag name as written. */
  tag: string;
  /** The attribute, for attribute and URL changes. */
  attribute?: string;
  /** The value removed (a URL), cut to a readable length. */
  value?: string;
  reason: SanitizeReason;
  count: number;
};

const MAX_VALUE_CHARS = 80;
/** A body with thousands of distinct removals gets a report of the first ones, not megabytes. */
const MAX_ENTRIES = 200;

const shorten = (value: string) => (value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value);

/** Collects changes, merging repeats of the same change into one counted entry. */
export class SanitizeReport {
  private readonly entries = new Map<string, SanitizeChange>();
  private dropped = 0;
  /** Totals over every change, listed or not. */
  readonly removed = { elements: 0, attributes: 0, urls: 0 };
  readonly reasons = new Set<SanitizeReason>();
  /** Every element removed, by tag name. */
  readonly removedTags = new Set<string>();

  add(change: Omit<SanitizeChange, 'count'>): void {
    this.reasons.add(change.reason);
    if (change.action === 'removed' && change.target === 'element') this.removedTags.add(change.tag);
    if (change.action === 'removed') {
      this.removed[change.target === 'element' ? 'elements' : change.target === 'attribute' ? 'attributes' : 'urls']++;
    }
    const entry = { ...change, ...(change.value !== undefined && { value: shorten(change.value) }) };
    const key = [entry.action, entry.target, entry.tag, entry.attribute, entry.value, entry.reason].join('\u0000');
    const existing = this.entries.get(key);
    if (existing) existing.count++;
    else if (this.entries.size < MAX_ENTRIES) this.entries.set(key, { ...entry, count: 1 });
    else this.dropped++;
  }

  get changes(): SanitizeChange[] {
    return [...this.entries.values()];
  }

  /** Changes beyond the report's length, counted but not listed. */
  get unlisted(): number {
    return this.dropped;
  }
}

/** One line of text per change, for the checker and logs. */
export function describeChange(change: SanitizeChange): string {
  const where =
    change.target === 'element'
      ? `<${change.tag}>${change.value === undefined ? '' : ` ${JSON.stringify(change.value)}`}`
      : change.target === 'attribute'
        ? `${change.attribute} on <${change.tag}>`
        : `${change.attribute}="${change.value}" on <${change.tag}>`;
  return `${change.action} ${where}: ${REASON_TEXT[change.reason]}${change.count > 1 ? ` (×${change.count})` : ''}`;
}
