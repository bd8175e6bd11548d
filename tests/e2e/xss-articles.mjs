// The end-to-end site's XSS articles: one per payload of the stratified sample (every attack family
// of every source, and the canaries; tests/fixtures/xss/payloads.mjs), each in its body, title,
// categories, tags, author and image fields. Article i is tests' `XSS i`, dated in January 2001.
import { payloadSample } from '../fixtures/xss/payloads.mjs';

const slugOf = (i) => `xss/payload-${String(i).padStart(3, '0')}`;

export const XSS_ARTICLES = payloadSample().map(({ name, source, payload, families }, i) => ({
  name,
  source,
  families,
  payload,
  slug: slugOf(i),
  file: `${slugOf(i)}.md`,
}));
