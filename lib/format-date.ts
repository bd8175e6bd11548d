import { siteConfig } from './config';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  let f = formatters.get(style);
  if (!f) {
    f = new Intl.DateTimeFormat(siteConfig.locale, {
      timeZone: siteConfig.timeZone,
      dateStyle: 'long',
      ...(style === 'dateTime' ? { timeStyle: 'short', hourCycle: 'h23' as const } : {}),
    });
    formatters.set(style, f);
  }
  return f;
}

/** A date as the site's readers expect it: their locale, the site's time zone. */
export function formatDate(iso: string, style: 'date' | 'dateTime' = 'date'): string {
  return formatter(style).format(new Date(iso));
}
