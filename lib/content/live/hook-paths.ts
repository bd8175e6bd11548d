/** What a hook asks to be checked: some files and folders (relative to the content folder), or all (null). */
export type HookRequest = { paths: string[] | null } | { error: string };

const MAX_PATHS = 10_000;
const MAX_PATH_LENGTH = 4096;
const USAGE = 'send nothing (the whole folder) or {"paths": ["_posts/a.md", "_posts/2026/"]}';

/**
 * The body of `POST /api/revalidate`: empty for the whole folder, or `{"paths": [...]}`, files and
 * folders relative to the content folder (an importer knows what it wrote; a git hook has `git diff
 * --name-only`). A check of named paths costs a stat each instead of a walk of the whole folder.
 */
export function hookRequest(body: string): HookRequest {
  if (body.trim() === '') return { paths: null };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: `The body is not JSON: ${USAGE}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `Expected an object: ${USAGE}.` };
  const { paths } = value as { paths?: unknown };
  if (paths === undefined) return { paths: null };
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS) {
    return { error: `paths must be a list of 1 to ${MAX_PATHS.toLocaleString('en-US')} paths: ${USAGE}.` };
  }
  const checked: string[] = [];
  for (const entry of paths) {
    const reason = pathProblem(entry);
    if (reason) return { error: `paths: ${JSON.stringify(entry)} ${reason}.` };
    checked.push((entry as string).replace(/^(?:\.\/)+/, ''));
  }
  return { paths: checked };
}

function pathProblem(entry: unknown): string | null {
  if (typeof entry !== 'string' || entry === '' || entry.length > MAX_PATH_LENGTH) return 'is not a path';
  if (/[\u0000\\]/.test(entry)) return 'holds a NUL or a backslash';
  if (entry.startsWith('/')) return 'is absolute: paths are relative to the content folder';
  const segments = entry.replace(/^(?:\.\/)+/, '').replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'leaves the content folder or has empty parts';
  return null;
}
