'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-semibold">页面出错了</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">加载此页面时发生错误，请稍后再试。</p>
      {error.digest && <p className="mt-2 text-xs text-zinc-500">错误编号：{error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="hover:border-accent-600 mt-6 rounded-md border border-zinc-300 px-4 py-2 dark:border-zinc-700"
      >
        重试
      </button>
    </div>
  );
}
