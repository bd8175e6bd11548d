import { describeValue } from '../describe-value';
import type { CategoryNode } from './types';

export type Normalized<T> = { value: T; problem?: string };

const MAX_NAME_LENGTH = 100;

const describe = describeValue;

/** A category or tag name: strings and numbers (YAML reads `2021` as a number) become trimmed text. */
export function toName(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  // A `/` in a name would be a path separator once in a URL (Next.js's client router decodes %2F),
  // so slashes become their full-width forms, which read the same.
  const name = value
    // A lone surrogate (half an emoji) cannot be put in a URL.
    .toWellFormed()
    .replace(/\s+/g, ' ')
    // Control characters are invisible in a name and not allowed in XML (the feeds and sitemap).
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\//g, '／')
    .replace(/\\/g, '＼')
    .trim()
    .normalize('NFC');
  const cut = [...name].slice(0, MAX_NAME_LENGTH).join('').trim();
  // `.` and `..` cannot be URL path segments: browsers resolve them, even percent-encoded.
  return cut === '' || cut === '.' || cut === '..' ? null : cut;
}

/**
 * Hexo's rule: a string is one category; a list is one hierarchy, parent first; a list that
 * contains lists is several categories, each its own hierarchy (a plain string among them stands alone).
 */
export function normalizeCategories(value: unknown): Normalized<string[][]> {
  if (value === undefined || value === null) return { value: [] };
  const single = toName(value);
  if (single !== null) return { value: [[single]] };
  if (!Array.isArray(value)) return { value: [], problem: `categories: expected a name or a list, got ${describe(value)}` };

  const skipped: string[] = [];
  const path = (items: unknown[]): string[] =>
    items.flatMap((item) => {
      const name = toName(item);
      if (name === null) skipped.push(describe(item));
      return name === null ? [] : [name];
    });

  const hierarchies = value.some(Array.isArray)
    ? value.map((item) => path(Array.isArray(item) ? item : [item]))
    : [path(value)];
  const unique = new Map(hierarchies.filter((h) => h.length > 0).map((h) => [h.join('\u0000'), h]));
  const problem = skipped.length ? `categories: ignored entries that are not names (${skipped.join(', ')})` : undefined;
  return { value: [...unique.values()], problem };
}

export function normalizeTags(value: unknown): Normalized<string[]> {
  if (value === undefined || value === null) return { value: [] };
  const single = toName(value);
  if (single !== null) return { value: [single] };
  if (!Array.isArray(value)) return { value: [], problem: `tags: expected a name or a list, got ${describe(value)}` };
  const names = value.map(toName);
  const skipped = value.filter((_, i) => names[i] === null).map(describe);
  return {
    value: [...new Set(names.filter((n): n is string => n !== null))],
    problem: skipped.length ? `tags: ignored entries that are not names (${skipped.join(', ')})` : undefined,
  };
}

export const categoryKey = (path: readonly string[]) => path.join('\u0000');

type MutableNode = CategoryNode & { ids: Set<number> };

/** Builds the category tree; each node counts the distinct articles in it and its descendants. */
export function buildCategoryTree(articles: readonly { categories: string[][] }[]): {
  roots: CategoryNode[];
  members: Map<string, number[]>;
} {
  const nodes = new Map<string, MutableNode>();
  const roots: MutableNode[] = [];
  articles.forEach((article, index) => {
    for (const hierarchy of article.categories) {
      for (let depth = 1; depth <= hierarchy.length; depth++) {
        const path = hierarchy.slice(0, depth);
        const key = categoryKey(path);
        let node = nodes.get(key);
        if (!node) {
          node = { name: path[depth - 1]!, path, count: 0, children: [], ids: new Set() };
          nodes.set(key, node);
          if (depth === 1) roots.push(node);
          else nodes.get(categoryKey(path.slice(0, -1)))!.children.push(node);
        }
        node.ids.add(index);
      }
    }
  });

  const members = new Map<string, number[]>();
  const finish = (node: MutableNode): CategoryNode => {
    const ids = [...node.ids].sort((a, b) => a - b);
    members.set(categoryKey(node.path), ids);
    const children = (node.children as MutableNode[]).map(finish).sort(byCountThenName);
    return { name: node.name, path: node.path, count: ids.length, children };
  };
  return { roots: roots.map(finish).sort(byCountThenName), members };
}

function byCountThenName(a: CategoryNode, b: CategoryNode) {
  return b.count - a.count || a.name.localeCompare(b.name, 'zh-CN');
}
