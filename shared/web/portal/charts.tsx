import { SvgImage } from './svg-image';

/** One bar or point: its label on the axis and its value. */
export type Datum = { label: string; value: number };

type ChartProps = { id: string; title: string; desc: string; data: readonly Datum[] };

const INK = '#1b1f24';
const BRAND = '#0b4f8a';
const GRID = '#c9d1db';
const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 16, bottom: 40 };

/** A round upper bound for the value axis and its ticks (0, ¼, ½, ¾, 1 of it). */
function scaleOf(max: number) {
  if (max <= 0) return { top: 4, ticks: [0, 1, 2, 3, 4] };
  const step = 10 ** Math.floor(Math.log10(max / 4));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => s * 4 >= max) ?? step * 10;
  return { top: nice * 4, ticks: [0, 1, 2, 3, 4].map((i) => i * nice) };
}

function ValueAxis({ top, ticks }: { top: number; ticks: number[] }) {
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  return (
    <g>
      {ticks.map((t) => (
        <>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={GRID} stroke-width="1" />
          <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end" font-size="13" fill={INK}>
            {String(t)}
          </text>
        </>
      ))}
    </g>
  );
}

/** Vertical bars, one per datum (months along the axis). */
export function BarChart({ id, title, desc, data }: ChartProps) {
  const { top, ticks } = scaleOf(Math.max(0, ...data.map((d) => d.value)));
  const inner = W - PAD.left - PAD.right;
  const slot = inner / Math.max(1, data.length);
  const h = (v: number) => ((H - PAD.top - PAD.bottom) * v) / top;
  return (
    <SvgImage id={id} title={title} desc={desc} width={W} height={H}>
      <ValueAxis top={top} ticks={ticks} />
      <g>
        {data.map((d, i) => (
          <>
            <rect
              x={PAD.left + i * slot + slot * 0.15}
              y={H - PAD.bottom - h(d.value)}
              width={slot * 0.7}
              height={h(d.value)}
              fill={BRAND}
            />
            <text
              x={PAD.left + i * slot + slot / 2}
              y={H - PAD.bottom + 16}
              text-anchor="middle"
              font-size="13"
              fill={INK}
            >
              {d.label}
            </text>
          </>
        ))}
      </g>
    </SvgImage>
  );
}

/** A line through the data points, each point marked (a trend over months). */
export function LineChart({ id, title, desc, data }: ChartProps) {
  const { top, ticks } = scaleOf(Math.max(0, ...data.map((d) => d.value)));
  const inner = W - PAD.left - PAD.right;
  const slot = inner / Math.max(1, data.length);
  const x = (i: number) => PAD.left + i * slot + slot / 2;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const DANGER = '#a4161a';
  return (
    <SvgImage id={id} title={title} desc={desc} width={W} height={H}>
      <ValueAxis top={top} ticks={ticks} />
      <g>
        <polyline
          points={data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ')}
          fill="none"
          stroke={DANGER}
          stroke-width="2"
        />
        {data.map((d, i) => (
          <>
            <circle cx={x(i)} cy={y(d.value)} r="3.5" fill={DANGER} />
            <text x={x(i)} y={H - PAD.bottom + 16} text-anchor="middle" font-size="13" fill={INK}>
              {d.label}
            </text>
          </>
        ))}
      </g>
    </SvgImage>
  );
}

/** Horizontal bars with their labels and counts (a mix of categories). */
export function HorizontalBars({ id, title, desc, data }: ChartProps) {
  const row = 26;
  const labelW = 220;
  const height = Math.max(1, data.length) * row + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const barW = (v: number) => ((W - labelW - 60) * v) / max;
  return (
    <SvgImage id={id} title={title} desc={desc} width={W} height={height}>
      <g>
        {data.map((d, i) => (
          <>
            <text x={labelW - 8} y={i * row + 20} text-anchor="end" font-size="14" fill={INK}>
              {d.label.length > 18 ? `${d.label.slice(0, 17)}…` : d.label}
            </text>
            <rect x={labelW} y={i * row + 6} width={barW(d.value)} height={row - 10} fill={BRAND} />
            <text x={labelW + barW(d.value) + 6} y={i * row + 20} font-size="14" fill={INK}>
              {String(d.value)}
            </text>
          </>
        ))}
      </g>
    </SvgImage>
  );
}

/** The chart's figures as a table, for those who cannot see it (and to copy from). */
export function DataTable({
  summary,
  headers,
  rows,
}: {
  summary: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}) {
  return (
    <details class="data-table">
      <summary>{summary}</summary>
      <table>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>{r.map((v, i) => (i === 0 ? <th scope="row">{String(v)}</th> : <td>{String(v)}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
