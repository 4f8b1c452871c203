import type { Child } from 'hono/jsx';

/**
 * An SVG drawing as one image for assistive technology: its accessible name and description are
 * its own `<title>` and `<desc>`; the marks inside carry presentation attributes only (strict CSP).
 */
export function SvgImage(p: {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  class?: string;
  children: Child;
}) {
  return (
    <svg
      class={p.class ?? 'chart'}
      viewBox={`0 0 ${p.width} ${p.height}`}
      width={p.width}
      height={p.height}
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.children}
    </svg>
  );
}
