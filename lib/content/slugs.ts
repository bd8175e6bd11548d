const EXTENSION = /\.(?:md|markdown)$/i;

/** Hexo's rule: the file's path under the posts folder, without its extension. */
export function slugFromPath(relativePath: string): string {
  return normalizeSlug(relativePath.replace(/\\/g, '/').replace(EXTENSION, ''));
}

export function normalizeSlug(slug: string): string {
  return slug
    .normalize('NFC')
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .join('/');
}

/** `/posts/` URL path of a slug: each segment percent-encoded, so Chinese and `#?%` survive. */
export function slugToPath(slug: string): string {
  return slug.split('/').map(encodeURIComponent).join('/');
}

/**
 * What route params may mean. Next.js hands pages percent-encoded params at request time but the
 * raw values it was given when prerendering, so a name that itself contains `%41` is ambiguous:
 * the value as given is tried first, then decoded.
 */
export function paramCandidates(segments: readonly string[]): string[][] {
  const raw = segments.map((s) => s.normalize('NFC'));
  const decoded = segments.map((s) => safeDecode(s).normalize('NFC'));
  return raw.join('/') === decoded.join('/') ? [raw] : [raw, decoded];
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Claim = { slug: string; file: string; draft?: boolean };

/**
 * Gives every article a unique slug. Published articles are served first, then drafts (a draft
 * never pushes a live article off its URL), each in path order so the suffixes are the same on
 * every build; the returned warnings name both files of each clash.
 */
export function assignUniqueSlugs<T extends Claim>(claims: T[]): { items: T[]; warnings: { file: string; reason: string }[] } {
  const taken = new Map<string, string>();
  const warnings: { file: string; reason: string }[] = [];
  const ordered = [...claims].sort(
    (a, b) => Number(a.draft ?? false) - Number(b.draft ?? false) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  // Claims are copied, not changed: the same parsed summaries are assigned again on every re-index.
  const items = ordered.map((claim) => {
    const wanted = claim.slug.toLowerCase();
    const owner = taken.get(wanted);
    if (owner === undefined) {
      taken.set(wanted, claim.file);
      return claim;
    }
    let n = 2;
    while (taken.has(`${wanted}-${n}`)) n++;
    const slug = `${claim.slug}-${n}`;
    taken.set(slug.toLowerCase(), claim.file);
    warnings.push({ file: claim.file, reason: `slug "${claim.slug}" is already used by ${owner}; this article is at "${slug}"` });
    return { ...claim, slug };
  });
  return { items, warnings };
}
