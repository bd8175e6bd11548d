import { tagUrl } from '@/lib/urls';
import { PillLink } from './pill-link';

export function TagLinks({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="标签" className="flex flex-wrap gap-2 text-sm">
      {tags.map((tag) => (
        <li key={tag}>
          <PillLink href={tagUrl(tag)}>#{tag}</PillLink>
        </li>
      ))}
    </ul>
  );
}
