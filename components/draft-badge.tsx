export function DraftBadge() {
  return (
    <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950 dark:bg-amber-800 dark:text-amber-50">
      草稿
    </span>
  );
}
