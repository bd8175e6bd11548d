import Link from 'next/link';

/** What a reader sees at an address with nothing behind it. */
export function NotFoundMessage() {
  return (
    <div className="py-16 text-center">
      <p className="text-5xl font-bold text-zinc-500 dark:text-zinc-400">404</p>
      <h1 className="mt-4 text-2xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">您要找的文章或页面不存在，可能已被删除或移动。</p>
      <p className="mt-6 flex justify-center gap-4">
        <Link href="/" className="text-accent-600 dark:text-accent-400 underline">
          返回首页
        </Link>
        <Link href="/categories" className="text-accent-600 dark:text-accent-400 underline">
          浏览分类
        </Link>
      </p>
    </div>
  );
}
