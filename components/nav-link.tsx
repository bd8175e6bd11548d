import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link of the site's own chrome (header navigation, breadcrumbs, footer): client-side navigation
 * without prefetching. These links are on screen on every page (the footer too, on short ones), so
 * prefetching them would fetch every section's listing on every page view, on a phone's data and
 * main thread, whatever the reader meant to do next. Article links keep Next.js's prefetching.
 */
export function NavLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
