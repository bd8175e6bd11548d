import { stripXmlInvalid } from '../feeds/xml-text';
import { escapeHtml } from '../html-escape';
import type { SitemapEntry } from './sitemap-entries';

const xmlText = (text: string) => escapeHtml(stripXmlInvalid(text));

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

const element = (tag: string, { url, lastModified }: SitemapEntry) =>
  `<${tag}><loc>${xmlText(url)}</loc>${lastModified ? `<lastmod>${xmlText(lastModified)}</lastmod>` : ''}</${tag}>\n`;

/** A sitemap (sitemaps.org `urlset`). */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  return `${DECLARATION}<urlset ${NAMESPACE}>\n${entries.map((e) => element('url', e)).join('')}</urlset>\n`;
}

/** A sitemap index: each sitemap's absolute URL and the latest change among its entries. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  return `${DECLARATION}<sitemapindex ${NAMESPACE}>\n${sitemaps.map((s) => element('sitemap', s)).join('')}</sitemapindex>\n`;
}
