import { PRERENDER_PAGES } from './config';
import { getTags, pageCount } from './content';

/** Tags prerendered by the build, most used first; the others render on first request. */
const PRERENDER_TAGS = 100;

/** The most used tags with their first pages, to prerender. */
export async function tagStaticParams(pages: 'first' | 'later') {
  return (await getTags()).slice(0, PRERENDER_TAGS).flatMap(({ name, count }) => {
    const last = Math.min(pageCount(count), PRERENDER_PAGES);
    if (pages === 'first') return [{ tag: name }];
    return Array.from({ length: Math.max(0, last - 1) }, (_, i) => ({ tag: name, page: String(i + 2) }));
  });
}
