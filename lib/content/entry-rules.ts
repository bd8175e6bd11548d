/** Article files: `.md` and `.markdown`, in any case. */
export const ARTICLE_FILE = /\.(?:md|markdown)$/i;

/** Entries never read, files or folders: hidden ones (`.git`, an editor's `.#lock`) and node_modules. */
export const isSkippedEntry = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/**
 * Folders never read: those above, and `_`-folders as Hexo skips them, but for `_posts` and
 * `_drafts` at the top of the content folder.
 */
export const isSkippedFolder = (name: string, topLevel: boolean): boolean =>
  isSkippedEntry(name) || (name.startsWith('_') && !(topLevel && (name === '_posts' || name === '_drafts')));
