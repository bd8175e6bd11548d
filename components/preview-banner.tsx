/** Shown on every page in preview, so an editor never mistakes it for the live site. */
export function PreviewBanner() {
  return (
    <div
      role="region"
      aria-label="预览模式"
      className="border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 text-sm sm:px-6">
        <p>
          <strong>预览模式</strong>
          ：草稿可见，内容随文件保存即时更新；本页不被搜索引擎收录，也不会缓存给其他读者。
        </p>
        {/* A plain link: a prefetch of it would leave preview by itself. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API route, which the rule takes for app/[...legacy] */}
        <a href="/api/draft/disable" className="font-semibold underline underline-offset-2">
          退出预览
        </a>
      </div>
    </div>
  );
}
