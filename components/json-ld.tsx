import { serializeJsonLd } from '@/lib/metadata/news-article-json-ld';

/** Structured data for search engines. Its JSON is escaped so that no value can end the script. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
