import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { siteConfig } from '@/lib/config';
import { getCategoryTree, isPreview } from '@/lib/content';
import { feedAlternates } from '@/lib/feeds/feed-formats';
import { PreviewBanner } from '@/components/preview-banner';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: siteConfig.name, template: `%s - ${siteConfig.name}` },
    description: siteConfig.description,
    alternates: { types: feedAlternates(siteConfig.name) },
    // Preview shows drafts: no search engine may keep what an editor sees.
    ...((await isPreview()) && { robots: { index: false, follow: false } }),
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [categories, preview] = await Promise.all([getCategoryTree(), isPreview()]);
  return (
    <html lang={siteConfig.locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
        >
          跳到正文
        </a>
        {preview && <PreviewBanner />}
        <SiteHeader categories={categories} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
