import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { ProblemKind } from './types';

export type RawArticle = {
  data: Record<string, unknown>;
  body: string;
  /** The YAML between the `---` lines, as written (empty without front matter). */
  frontMatter: string;
  /** 1-based line of the file on which `frontMatter` starts. */
  frontMatterLine: number;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
};

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly kind: ProblemKind,
    readonly line?: number,
  ) {
    super(message);
  }
}

const OPENING = /^---([^\n]*)\n/;

/**
 * YAML's core schema: no `!!js/function` and, unlike gray-matter's default, no timestamp type.
 * Dates stay strings so that `2021-10-28 14:08:07` can be read as site wall time, as Hexo does.
 */
function parseYaml(source: string): object {
  const data = yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a YAML mapping of keys to values', 'front-matter');
  }
  return data;
}

function refuseEngine(language: string) {
  return () => {
    throw new FrontMatterError(
      `"---${language}" front matter is not allowed: only YAML is read, code is never evaluated`,
      'code-front-matter',
      1,
    );
  };
}

const engines = {
  yaml: { parse: parseYaml, stringify: () => '' },
  js: refuseEngine('js'),
  javascript: refuseEngine('javascript'),
  coffee: refuseEngine('coffee'),
  coffeescript: refuseEngine('coffeescript'),
  cson: refuseEngine('cson'),
  toml: refuseEngine('toml'),
  json: refuseEngine('json'),
};

const countLines = (text: string) => text.split('\n').length - 1;

/**
 * Splits a file into front matter and body. Tolerates a BOM, CRLF line endings and blank lines
 * before the opening `---` (the seed article has one; gray-matter alone would see no front matter).
 */
export function readFrontMatter(text: string): RawArticle {
  if (text.includes('\u0000')) throw new FrontMatterError('file contains NUL bytes: it is binary, not Markdown', 'binary');
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const trimmed = normalized.replace(/^(?:[ \t]*\n)+/, '');
  const opening = trimmed.match(OPENING);
  if (!opening) return { data: {}, body: normalized, frontMatter: '', frontMatterLine: 1, bodyLine: 1 };

  const openingLine = countLines(normalized.slice(0, normalized.length - trimmed.length)) + 1;
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml') {
    throw new FrontMatterError(
      `"---${language}" front matter is not allowed: only YAML is read, code is never evaluated`,
      'code-front-matter',
      openingLine,
    );
  }
  const closing = /\n---[ \t]*(?:\n|$)/.exec(trimmed.slice(opening[0].length - 1));
  if (!closing) throw new FrontMatterError('front matter opened with --- is never closed', 'front-matter', openingLine);
  const frontMatter = trimmed.slice(opening[0].length, opening[0].length - 1 + closing.index);
  try {
    // Passing options also keeps gray-matter from caching every file it has seen.
    const parsed = matter(trimmed, { engines, language: 'yaml' });
    const body = parsed.content.replace(/^\n+/, '');
    return {
      data: parsed.data,
      body,
      frontMatter,
      frontMatterLine: openingLine + 1,
      bodyLine: openingLine + countLines(trimmed) - countLines(body),
    };
  } catch (error) {
    if (error instanceof FrontMatterError) throw new FrontMatterError(error.message, error.kind, error.line ?? openingLine);
    if (error instanceof yaml.YAMLException) {
      // gray-matter hands js-yaml the text from the end of the opening `---`, so mark line 0 is that line.
      throw new FrontMatterError(`front matter is not valid YAML: ${error.reason}`, 'yaml', openingLine + (error.mark?.line ?? 0));
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new FrontMatterError(`front matter is not valid YAML: ${message.split('\n')[0]}`, 'yaml', openingLine);
  }
}

/** The file line of a top-level front-matter key, for messages that name a field. */
export function lineOfKey(raw: RawArticle, key: string): number | undefined {
  const lines = raw.frontMatter.split('\n');
  const pattern = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : raw.frontMatterLine + index;
}
