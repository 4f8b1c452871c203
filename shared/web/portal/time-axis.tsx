import { SvgImage } from './svg-image';

/** A point in time on the axis: an event, an escalation, a deadline, or now. */
export type AxisMark = { at: string; kind: 'event' | 'escalation' | 'deadline' | 'now'; label: string };

const W = 760;
const PAD = 24;
const AXIS_Y = 96;
const H = 150;
const DAY = 86_400_000;
const INK = '#1b1f24';
const BRAND = '#0b4f8a';
const DANGER = '#a4161a';
const WARN = '#7a4b00';

/** Tick spacing in days so that the axis carries at most about eight labelled ticks. */
const tickDays = (spanDays: number) => [1, 2, 7, 14, 30, 61, 91].find((d) => spanDays / d <= 8) ?? 182;

/**
 * Events and deadlines on one horizontal time axis, as SVG with its accessible name and description.
 * Events are dots numbered in order (the numbers of the list the page gives beside it), escalations
 * red triangles above the axis, deadlines dashed lines labelled at the top, now a solid line.
 */
export function TimeAxis({
  id,
  title,
  desc,
  marks,
  tickLabel,
}: {
  id: string;
  title: string;
  desc: string;
  marks: readonly AxisMark[];
  tickLabel: (iso: string) => string;
}) {
  const times = marks.map((m) => Date.parse(m.at));
  const lo = Math.min(...times);
  const hi = Math.max(lo + DAY, ...times);
  const margin = (hi - lo) * 0.03;
  const from = lo - margin;
  const to = hi + margin;
  const x = (ms: number) => PAD + ((W - 2 * PAD) * (ms - from)) / (to - from);
  const step = tickDays((to - from) / DAY) * DAY;
  const ticks: number[] = [];
  for (let ms = Math.ceil(from / DAY) * DAY; ms <= to; ms += step) ticks.push(ms);
  const deadlines = marks.filter((m) => m.kind === 'deadline' || m.kind === 'now');
  let n = 0;
  return (
    <SvgImage id={id} title={title} desc={desc} width={W} height={H} class="chart time-axis">
      <g>
        <line x1={PAD} x2={W - PAD} y1={AXIS_Y} y2={AXIS_Y} stroke={INK} stroke-width="1.5" />
        {ticks.map((ms) => (
          <>
            <line x1={x(ms)} x2={x(ms)} y1={AXIS_Y} y2={AXIS_Y + 5} stroke={INK} />
            <text
              x={x(ms)}
              y={H - 6}
              text-anchor={x(ms) < 60 ? 'start' : x(ms) > W - 60 ? 'end' : 'middle'}
              font-size="11"
              fill={INK}
            >
              {tickLabel(new Date(ms).toISOString())}
            </text>
          </>
        ))}
        {deadlines.map((m, i) => {
          const at = x(Date.parse(m.at));
          const colour = m.kind === 'now' ? BRAND : WARN;
          return (
            <>
              <line
                x1={at}
                x2={at}
                y1={14 + (i % 3) * 16}
                y2={AXIS_Y + 8}
                stroke={colour}
                stroke-width="1.5"
                stroke-dasharray={m.kind === 'now' ? undefined : '4 3'}
              />
              <text
                x={at + 3}
                y={12 + (i % 3) * 16}
                font-size="11"
                fill={colour}
                text-anchor={at > W * 0.75 ? 'end' : 'start'}
              >
                {m.label}
              </text>
            </>
          );
        })}
        {marks.map((m) => {
          const at = x(Date.parse(m.at));
          if (m.kind === 'escalation') return <path d={`M${at} ${AXIS_Y - 18} l5 9 h-10 z`} fill={DANGER} />;
          if (m.kind !== 'event') return null;
          n++;
          return (
            <>
              <circle cx={at} cy={AXIS_Y} r="4.5" fill={BRAND} />
              <text x={at} y={AXIS_Y + 20 + (n % 2) * 13} text-anchor="middle" font-size="11" fill={INK}>
                {String(n)}
              </text>
            </>
          );
        })}
      </g>
    </SvgImage>
  );
}
