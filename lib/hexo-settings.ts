import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describeValue } from './describe-value';

/** The environment variables a Hexo `_config.yml` provides defaults for. */
export type SettingName =
  'SITE_NAME' | 'SITE_DESCRIPTION' | 'SITE_URL' | 'PERMALINK' | 'SITE_TIMEZONE' | 'SITE_LOCALE' | 'PAGE_SIZE';

/** Something about one setting: `text` starts with the Hexo key, `line` is where that key is written. */
export type SettingNote = { setting: SettingName; line?: number; text: string };

export type HexoSettings = {
  /** The file as messages name it: relative to the working directory unless CONTENT_DIR is absolute. */
  file: string;
  /** Values in the variables' own text form, validated by lib/config.ts as the variables are. */
  values: Partial<Record<SettingName, string>>;
  /** The Hexo key each value was read from, and its line. */
  sources: Partial<Record<SettingName, { key: string; line?: number }>>;
  /** Values taken otherwise than written (a placeholder url, per_page: 0), for the start-up log. */
  notices: SettingNote[];
  /** Values of a type no setting can have: each stops the server, unless its variable is set. */
  problems: SettingNote[];
};

/** The file cannot be read or is not YAML: the message names it and the line. */
export class HexoSettingsError extends Error {}

const MAX_BYTES = 1024 * 1024;
/** The largest page size: Hexo's `per_page: 0` (no pagination) and anything larger become this. */
export const MAX_PAGE_SIZE = 100;
/** Hosts of the `url` that `hexo init` writes (`example.com` since Hexo 5, `yoursite.com` before). */
const PLACEHOLDER_HOSTS = new Set(['example.com', 'www.example.com', 'yoursite.com', 'www.yoursite.com']);

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(/* turbopackIgnore: true */ dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The `_config.yml` of the Hexo site whose `source/` folder (the one holding `_posts/`), or whose
 * `_posts/` folder itself, is the content folder; null for any other folder, whose parent is not a
 * Hexo site and must not be read (the bundled `content/` sits in this project's root).
 */
function hexoSettingsPath(contentDir: string, cwd: string): { absolute: string; file: string } | null {
  const dir = path.resolve(/* turbopackIgnore: true */ cwd, contentDir);
  let source: string;
  if (path.basename(dir) === '_posts') source = path.dirname(dir);
  else if (isDirectory(path.join(dir, '_posts'))) source = dir;
  else return null;
  const absolute = path.join(path.dirname(source), '_config.yml');
  return { absolute, file: path.isAbsolute(contentDir) ? absolute : path.relative(cwd, absolute) };
}

function readText(absolute: string, file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(/* turbopackIgnore: true */ absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HexoSettingsError(
      `${file}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (!stat.isFile()) throw new HexoSettingsError(`${file}: is not a file`);
  if (stat.size > MAX_BYTES) {
    throw new HexoSettingsError(
      `${file}: is ${(stat.size / MAX_BYTES).toFixed(1)} MB; a Hexo _config.yml is read up to 1 MB`,
    );
  }
  try {
    return fs.readFileSync(/* turbopackIgnore: true */ absolute, 'utf8');
  } catch (error) {
    throw new HexoSettingsError(
      `${file}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/**
 * Data only: YAML's core schema has no `!!js/…` types (js-yaml 4 has none at all) and, like the
 * front matter, no timestamps. Hexo turns indenting tabs into two spaces each before parsing
 * (hexo-front-matter's `escape`), so a file Hexo reads is read here too.
 */
function parse(text: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = yaml.load(
      text.replace(/\n(\t+)/g, (_, tabs: string) => `\n${'  '.repeat(tabs.length)}`),
      {
        schema: yaml.CORE_SCHEMA,
      },
    );
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new HexoSettingsError(`${file}:${(error.mark?.line ?? 0) + 1}: not valid YAML: ${error.reason}`);
    }
    throw error;
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new HexoSettingsError(`${file}: must be a YAML mapping of settings`);
  return data as Record<string, unknown>;
}

const absent = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const asText = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;

/** Hexo's `language`: a tag or a list of them, the first one the site's; `default` is the theme's own. */
function firstLanguage(value: unknown): string | null | undefined {
  const list = Array.isArray(value) ? value : [value];
  for (const entry of list) {
    if (absent(entry)) continue;
    const text = asText(entry);
    if (text === null) return null;
    if (text.toLowerCase() === 'default') continue;
    const tag = text.replace(/_/g, '-');
    try {
      // `zh-cn` becomes `zh-CN`, as <html lang> and Open Graph write it.
      return Intl.getCanonicalLocales(tag)[0] ?? tag;
    } catch {
      return tag;
    }
  }
  return undefined;
}

/** Reads the settings of a Hexo site's `_config.yml`; null when the content folder is not in a Hexo site or it has none. */
export function readHexoSettings(contentDir: string, cwd: string): HexoSettings | null {
  const located = hexoSettingsPath(contentDir, cwd);
  if (!located) return null;
  const { absolute, file } = located;
  const text = readText(absolute, file);
  if (text === null) return null;
  const data = parse(text, file);
  const lines = text.split('\n');
  const lineOf = (key: string) => {
    const index = lines.findIndex((l) => new RegExp(`^["']?${key}["']?\\s*:`).test(l));
    return index === -1 ? undefined : index + 1;
  };

  const settings: HexoSettings = { file, values: {}, sources: {}, notices: [], problems: [] };
  const take = (setting: SettingName, key: string, value: string) => {
    settings.values[setting] = value;
    settings.sources[setting] = { key, line: lineOf(key) };
  };
  const note = (list: SettingNote[], setting: SettingName, key: string, text: string) =>
    list.push({ setting, line: lineOf(key), text: `${key}: ${text}` });
  const wrongType = (setting: SettingName, key: string, expected: string) =>
    note(
      settings.problems,
      setting,
      key,
      `expected ${expected}, got ${typeof data[key] === 'number' ? data[key] : describeValue(data[key])}`,
    );

  const copyText = (setting: SettingName, key: string) => {
    if (absent(data[key])) return;
    const value = asText(data[key]);
    if (value === null) wrongType(setting, key, 'text');
    else take(setting, key, value);
  };
  copyText('SITE_NAME', 'title');
  copyText('PERMALINK', 'permalink');

  // Hexo themes show `subtitle` under the title and put `description` in the meta description; this
  // site has one line for both, shown under the name on every page, which is the subtitle's place.
  if (!absent(data.subtitle)) copyText('SITE_DESCRIPTION', 'subtitle');
  else if (!absent(data.description)) copyText('SITE_DESCRIPTION', 'description');
  // `hexo init` writes both, empty: such a site has no line under its name, not this app's default.
  else if ('subtitle' in data || 'description' in data)
    take('SITE_DESCRIPTION', 'subtitle' in data ? 'subtitle' : 'description', '');

  if (!absent(data.url)) {
    const url = asText(data.url);
    let parsed: URL | null = null;
    try {
      parsed = url === null ? null : new URL(url);
    } catch {
      // Left as written: the SITE_URL schema says what is wrong with it.
    }
    if (url === null) wrongType('SITE_URL', 'url', 'an http(s) URL');
    else if (parsed && PLACEHOLDER_HOSTS.has(parsed.hostname)) {
      note(
        settings.notices,
        'SITE_URL',
        'url',
        `${url} is what hexo init writes, not this site's address: ignored (set SITE_URL)`,
      );
    } else if (parsed && /^https?:$/.test(parsed.protocol)) {
      const root = asText(data.root);
      const folder = parsed.pathname !== '/' ? parsed.pathname : root && root !== '/' ? root : null;
      if (folder) {
        note(
          settings.notices,
          'SITE_URL',
          'url',
          `the site is served at the root of ${parsed.origin}, not in ${folder} (Hexo's root): a sub-folder needs a proxy that strips it`,
        );
      }
      take('SITE_URL', 'url', parsed.origin);
    } else take('SITE_URL', 'url', url);
  }

  copyText('SITE_TIMEZONE', 'timezone');

  if (!absent(data.language)) {
    const language = firstLanguage(data.language);
    if (language === null) wrongType('SITE_LOCALE', 'language', 'a language tag or a list of them');
    else if (language !== undefined) take('SITE_LOCALE', 'language', language);
  }

  if (!absent(data.per_page)) {
    const raw = data.per_page;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < 0) wrongType('PAGE_SIZE', 'per_page', 'a whole number, 0 or more');
    else {
      if (n === 0 || n > MAX_PAGE_SIZE) {
        note(
          settings.notices,
          'PAGE_SIZE',
          'per_page',
          `${n}${n === 0 ? ' (no pagination in Hexo)' : ''}: pages of ${MAX_PAGE_SIZE} articles, the most this site puts on one page`,
        );
      }
      take('PAGE_SIZE', 'per_page', String(n === 0 ? MAX_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE)));
    }
  }
  return settings;
}
