import { PRERENDER_PAGES } from './config';
import { getTags, pageCount, safeDecode } from './content';

/** Tags to prerender with their first pages; the rest render on first request. */
export async function tagStaticParams(pages: 'first' | 'later') {
  return (await getTags()).flatMap(({ name, count }) => {
    const last = Math.min(pageCount(count), PRERENDER_PAGES);
    if (pages === 'first') return [{ tag: name }];
    return Array.from({ length: Math.max(0, last - 1) }, (_, i) => ({ tag: name, page: String(i + 2) }));
  });
}

export const tagFromParam = (param: string) => safeDecode(param).normalize('NFC');
