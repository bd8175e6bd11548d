import { MAX_QUERY_CHARS } from '@/lib/search/parse-query';

/** A plain GET form to /search: it works without JavaScript. */
export function SearchForm({
  id,
  label,
  defaultValue,
  large = false,
}: {
  id: string;
  /** Names the search landmark: a page with two search forms must tell them apart. */
  label: string;
  defaultValue?: string;
  large?: boolean;
}) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className="flex min-w-0 items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        搜索文章
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_CHARS}
        placeholder="搜索文章"
        enterKeyHint="search"
        className={`focus-visible:outline-accent-600 min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 dark:border-zinc-700 dark:bg-zinc-900 ${large ? 'flex-1 text-base' : 'w-28 sm:w-44'}`}
      />
      <button
        type="submit"
        className="hover:bg-accent-600 focus-visible:outline-accent-600 dark:hover:bg-accent-400 shrink-0 rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-1 dark:bg-zinc-100 dark:text-zinc-900"
      >
        搜索
      </button>
    </form>
  );
}
