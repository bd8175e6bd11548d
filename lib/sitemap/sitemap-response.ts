import 'server-only';
import { siteConfig } from '../config';
import { getSitemapSource } from '../content';
import { sitemapEntries, sitemapPartPath, splitSitemap, type SitemapEntry } from './sitemap-entries';
import { sitemapIndexXml, sitemapXml } from './sitemap-xml';
import { notFoundResponse } from '../not-found-response';

const xmlResponse = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

/** The published site's sitemaps: one, or several of at most SITEMAP_LIMIT URLs each. */
export async function sitemapParts(): Promise<SitemapEntry[][]> {
  return splitSitemap(sitemapEntries(await getSitemapSource(), siteConfig.url));
}

const latest = (entries: readonly SitemapEntry[]) =>
  entries.reduce<string | undefined>(
    (max, e) => (e.lastModified && (!max || e.lastModified > max) ? e.lastModified : max),
    undefined,
  );

/** /sitemap.xml: the sitemap itself when one is enough, else an index of /sitemap/N.xml. */
export async function sitemapRootResponse(): Promise<Response> {
  const parts = await sitemapParts();
  if (parts.length <= 1) return xmlResponse(sitemapXml(parts[0] ?? []));
  const sitemaps = parts.map((part, i) => ({
    url: `${siteConfig.url}${sitemapPartPath(i)}`,
    lastModified: latest(part),
  }));
  return xmlResponse(sitemapIndexXml(sitemaps));
}

/** /sitemap/N.xml, when the site needs an index; 404 otherwise. */
export async function sitemapPartResponse(part: number): Promise<Response> {
  const parts = await sitemapParts();
  const entries = parts.length > 1 ? parts[part] : undefined;
  if (!entries) return notFoundResponse();
  return xmlResponse(sitemapXml(entries));
}
