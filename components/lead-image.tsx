/**
 * A lead image from front matter (already checked to be http(s) or relative). A plain <img>, not
 * next/image: images come from any host, and Chinese hosts refuse hotlinks that carry a Referer.
 */
export function LeadImage({
  src,
  alt = '',
  className = '',
  eager = false,
  width,
  height,
}: {
  src: string;
  alt?: string;
  className?: string;
  eager?: boolean;
  width?: number;
  height?: number;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={alt}
      width={width}
      height={height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      referrerPolicy="no-referrer"
      className={`bg-zinc-100 object-cover dark:bg-zinc-800 ${className}`}
    />
  );
}
