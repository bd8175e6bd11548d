import type { DatabaseSync } from 'node:sqlite';
import type { CategoryNode } from '../types';
import { statement } from './statements';

const byCountThenName = (a: CategoryNode, b: CategoryNode) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN');

/** Every category with the number of distinct articles in it and below it, as a tree, biggest first. */
export function categoryTreeOf(db: DatabaseSync, withDrafts: boolean): CategoryNode[] {
  const rows = statement(
    db,
    'SELECT key, COUNT(*) AS n FROM category_members WHERE draft = 0 OR ? GROUP BY key',
  ).all(withDrafts ? 1 : 0) as { key: string; n: number }[];
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  // Parents sort before their children: a key is a prefix of its children's.
  rows.sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const { key, n } of rows) {
    const path = key.split('\u0000');
    const node: CategoryNode = { name: path[path.length - 1]!, path, count: n, children: [] };
    nodes.set(key, node);
    if (path.length === 1) roots.push(node);
    else nodes.get(path.slice(0, -1).join('\u0000'))?.children.push(node);
  }
  const sortAll = (list: CategoryNode[]) => {
    list.sort(byCountThenName);
    list.forEach((node) => sortAll(node.children));
  };
  sortAll(roots);
  return roots;
}
