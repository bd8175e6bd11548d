import { NavLink } from './nav-link';

export type Crumb = { name: string; href?: string };

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="面包屑" className="text-sm text-zinc-600 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-x-1.5">
            {i > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <NavLink href={item.href} className="hover:text-accent-600 dark:hover:text-accent-400 hover:underline">
                {item.name}
              </NavLink>
            ) : (
              <span aria-current="page" className="text-zinc-900 dark:text-zinc-100">
                {item.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
