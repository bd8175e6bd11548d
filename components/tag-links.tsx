import { tagUrl } from '@/lib/urls';

export function TagLinks({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="标签" className="flex flex-wrap gap-2 text-sm">
      {tags.map((tag) => (
        <li key={tag}>
          {/* Plain links, like the category names on cards: no client component per tag to hydrate. */}
          <a
            href={tagUrl(tag)}
            className="block rounded-full bg-zinc-100 px-3 py-1 hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"
          >
            #{tag}
          </a>
        </li>
      ))}
    </ul>
  );
}
