import { NavLink } from './nav-link';
import { siteConfig } from '@/lib/config';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
        <p>© {siteConfig.name}</p>
        <ul className="flex gap-4">
          <li>
            <NavLink href="/categories" className="hover:underline">
              分类
            </NavLink>
          </li>
          <li>
            <NavLink href="/tags" className="hover:underline">
              标签
            </NavLink>
          </li>
          <li>
            <NavLink href="/archives" className="hover:underline">
              归档
            </NavLink>
          </li>
        </ul>
      </div>
    </footer>
  );
}
