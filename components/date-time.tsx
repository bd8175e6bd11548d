import { formatDate } from '@/lib/format-date';

export function DateTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  return <time dateTime={iso}>{formatDate(iso, withTime ? 'dateTime' : 'date')}</time>;
}
