import { NavLink } from './nav-link';
import type { CategoryNode } from '@/lib/content';
import { siteConfig } from '@/lib/config';
import { SearchForm } from './search-form';
import { categoryUrl } from '@/lib/urls';

export function SiteHeader({ categories }: { categories: CategoryNode[] }) {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto max-w-5xl px-4 pt-5 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <p className="text-2xl font-bold tracking-tight">
            <NavLink href="/" className="hover:text-accent-600 dark:hover:text-accent-400">
              {siteConfig.name}
            </NavLink>
          </p>
          <SearchForm id="site-search-query" label="全站搜索" />
        </div>
        {siteConfig.description && (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{siteConfig.description}</p>
        )}
      </div>
      <nav aria-label="栏目" className="mx-auto max-w-5xl px-4 sm:px-6">
        <ul className="-mx-1 flex gap-1 overflow-x-auto py-3 text-[0.95rem] whitespace-nowrap">
          <li>
            <NavLink href="/" className="block rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
              首页
            </NavLink>
          </li>
          {categories.map((c) => (
            <li key={c.name}>
              <NavLink
                href={categoryUrl(c.path)}
                className="block rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                {c.name}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink
              href="/categories"
              className="block rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
            >
              全部分类
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
