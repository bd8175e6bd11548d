import type { Problem } from './types';

/** `path/to/file.md:12: reason`: the form editors and terminals turn into a link to the line. */
export const formatProblem = (p: Problem) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`;
