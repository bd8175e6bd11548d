import matter from 'gray-matter';
import yaml from 'js-yaml';

export type RawArticle = { data: Record<string, unknown>; body: string };

export class FrontMatterError extends Error {}

const OPENING = /^---([^\n]*)\n/;

/**
 * YAML's core schema: no `!!js/function` and, unlike gray-matter's default, no timestamp type.
 * Dates stay strings so that `2021-10-28 14:08:07` can be read as site wall time, as Hexo does.
 */
function parseYaml(source: string): object {
  const data = yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a YAML mapping of keys to values');
  }
  return data;
}

function refuseEngine(language: string) {
  return () => {
    throw new FrontMatterError(`"---${language}" front matter is not allowed: only YAML is read, code is never evaluated`);
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

/**
 * Splits a file into front matter and body. Tolerates a BOM, CRLF line endings and blank lines
 * before the opening `---` (the seed article has one; gray-matter alone would see no front matter).
 */
export function readFrontMatter(text: string): RawArticle {
  if (text.includes('\u0000')) throw new FrontMatterError('file contains NUL bytes: it is binary, not Markdown');
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const trimmed = normalized.replace(/^(?:[ \t]*\n)+/, '');
  const opening = trimmed.match(OPENING);
  if (!opening) return { data: {}, body: normalized };

  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml') refuseEngine(language)();
  if (!/\n---[ \t]*(?:\n|$)/.test(trimmed.slice(opening[0].length - 1))) {
    throw new FrontMatterError('front matter opened with --- is never closed');
  }
  try {
    // Passing options also keeps gray-matter from caching every file it has seen.
    const parsed = matter(trimmed, { engines, language: 'yaml' });
    return { data: parsed.data, body: parsed.content.replace(/^\n+/, '') };
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FrontMatterError(`front matter is not valid YAML: ${message.split('\n')[0]}`);
  }
}
