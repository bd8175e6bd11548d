import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Pagination } from '@/components/pagination';
import { SearchForm } from '@/components/search-form';
import { SearchResult } from '@/components/search-result';
import { isPreview, parsePageParam } from '@/lib/content';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery, searchArticles, type ParsedQuery } from '@/lib/search';
import { searchUrl } from '@/lib/urls';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseQuery((await searchParams).q);
  return {
    title: query.text ? `搜索：${query.text}` : '搜索',
    // A results page is not content of its own; preview keeps its nofollow too.
    robots: (await isPreview()) ? { index: false, follow: false } : 'noindex',
  };
}

/** `?page=` absent is page 1; anything but a page number is not a page. */
function pageOf(raw: string | string[] | undefined): number | null {
  return raw === undefined ? 1 : parsePageParam(Array.isArray(raw) ? raw[0] : raw);
}

function Notice({ query }: { query: ParsedQuery }) {
  if (!query.text) return <p>请输入要搜索的词语。</p>;
  if (query.terms.length === 0)
    return <p>搜索词里没有可搜索的文字或数字：标点、符号和表情不参与搜索，请换个词试试。</p>;
  return null;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseQuery(params.q);
  const page = pageOf(params.page);
  // A search page is rendered per request, so a 404 could not keep its HTML (components/not-found-page.tsx):
  // a page that is not there, past the last or not a number, goes to the first page of the same search.
  const results = page === null ? null : await searchArticles(query, page);
  if (!results) redirect(searchUrl(query.text));
  return (
    <>
      <header className="border-b border-zinc-200 pb-4 dark:border-zinc-800">
        <h1 className="text-2xl font-bold tracking-tight">{query.text ? `搜索：${query.text}` : '搜索'}</h1>
        <div className="mt-3 max-w-xl">
          <SearchForm id="search-page-query" label="修改搜索" defaultValue={query.text} large />
        </div>
        <div role="status" className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          {query.truncated && (
            <p>
              搜索词太长，只搜索了开头的部分（最多 {MAX_QUERY_CHARS} 个字符、{MAX_QUERY_TERMS} 个词）。
            </p>
          )}
          <Notice query={query} />
          {query.terms.length > 0 &&
            (results.total > 0 ? (
              <p>
                找到 {results.total} 篇{results.atLeast && '以上'}相关文章
                {results.atLeast && `（列出最新的 ${results.total} 篇）`}
                {results.totalPages > 1 && `，第 ${results.page} / ${results.totalPages} 页`}。
              </p>
            ) : (
              <p>没有找到相关文章，请换个词或减少词语再试。</p>
            ))}
        </div>
      </header>
      {results.items.map((result) => (
        <SearchResult key={result.article.slug} result={result} />
      ))}
      <Pagination page={results.page} totalPages={results.totalPages} href={(p) => searchUrl(query.text, p)} />
    </>
  );
}
