import type { AxisRow, DeadlineAxis } from '../../domain/complaint/deadline-axis';
import { formatters } from '../i18n/locale';
import {
  AXIS_ROW_LABELS,
  AXIS_STATE_LABELS,
  CHECKPOINT_LABELS,
  complaintMessages,
  DEADLINE_LABELS,
  labelOf,
} from './complaint-messages';
import type { PageContext } from './complaint-record';

const W = 960;
const LABEL = 230;
const RIGHT = 28;
const TOP = 30;
const ROW = 32;
const BOTTOM = 40;
const TICKS = 6;
const DAY = 86_400_000;

const rowLabel = (row: AxisRow, ctx: PageContext, names: Record<string, string>) =>
  labelOf(AXIS_ROW_LABELS, row.key, ctx.locale).replace('{partner}', names[row.partner ?? ''] ?? row.partner ?? '');

/** A label that fits the label column: the tables below hold the whole text. */
function fitLabel(text: string, max = 30) {
  let width = 0;
  let out = '';
  for (const ch of text) {
    // CJK characters take about two Latin widths.
    width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * The deadlines as a chart: one row per duty (its window, its due time, when it was done), a row of
 * escalation checkpoints (filled: fired; hollow: ahead), pauses shaded, and now as a vertical line.
 * Server-rendered SVG styled by classes only (the CSP allows no style attribute); the tables after
 * it say the same in text for anyone who does not see the chart.
 */
export function DeadlineAxisChart({
  axis,
  ctx,
  partnerNames,
}: {
  axis: DeadlineAxis;
  ctx: PageContext;
  partnerNames: Record<string, string>;
}) {
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  const tick = new Intl.DateTimeFormat(ctx.locale, { timeZone: ctx.timezone, month: 'numeric', day: 'numeric' });
  const from = Date.parse(axis.from);
  const span = Math.max(Date.parse(axis.to) - from, DAY);
  const x = (iso: string) => LABEL + ((Date.parse(iso) - from) / span) * (W - LABEL - RIGHT);
  const n = axis.rows.length + 1;
  const bottom = TOP + n * ROW;
  const height = bottom + BOTTOM;
  const mid = (i: number) => TOP + i * ROW + ROW / 2;
  const fired = axis.checkpoints.filter((c) => c.fired);
  const ticks = Array.from({ length: TICKS }, (_, i) => new Date(from + (span * i) / (TICKS - 1)).toISOString());
  const nowX = x(axis.now);
  return (
    <svg
      class="chart deadline-axis"
      viewBox={`0 0 ${W} ${height}`}
      width={W}
      height={height}
      role="img"
      aria-labelledby="axis-title axis-desc"
    >
      <title id="axis-title">{t('axisTitle')}</title>
      <desc id="axis-desc">
        {t('axisDesc', {
          from: f.dateTime(axis.from),
          to: f.dateTime(axis.to),
          rows: axis.rows.length,
          fired: fired.length,
          ahead: axis.checkpoints.length - fired.length,
        })}
      </desc>
      {ticks.map((at) => (
        <g>
          <line class="axis-grid" x1={x(at)} x2={x(at)} y1={TOP} y2={bottom} />
          <text class="axis-tick" x={x(at)} y={bottom + 18} text-anchor="middle" font-size="12">
            {tick.format(new Date(at))}
          </text>
        </g>
      ))}
      {axis.pauses.map((p) => (
        <rect class="axis-pause" x={x(p.from)} y={TOP} width={Math.max(x(p.to) - x(p.from), 2)} height={n * ROW}>
          <title>{`${t('pausedLegend')}: ${f.dateTime(p.from)} – ${f.dateTime(p.to)}`}</title>
        </rect>
      ))}
      {axis.rows.map((row, i) => {
        const y = mid(i);
        const label = rowLabel(row, ctx, partnerNames);
        const lateUntil = row.state === 'overdue' ? axis.now : row.state === 'late' ? row.doneAt : undefined;
        return (
          <g class={`axis-row axis-${row.state}`}>
            <text class="axis-label" x={8} y={y + 4} font-size="13">
              {fitLabel(label)}
            </text>
            <rect
              class="axis-window"
              x={x(row.startAt)}
              y={y - 4}
              width={Math.max(x(row.dueAt) - x(row.startAt), 2)}
              height={8}
            />
            {lateUntil && (
              <rect
                class="axis-late"
                x={x(row.dueAt)}
                y={y - 4}
                width={Math.max(x(lateUntil) - x(row.dueAt), 2)}
                height={8}
              />
            )}
            {row.originalDueAt && (
              <line
                class="axis-due-original"
                x1={x(row.originalDueAt)}
                x2={x(row.originalDueAt)}
                y1={y - 10}
                y2={y + 10}
              >
                <title>{t('originalDue', { at: f.dateTime(row.originalDueAt) })}</title>
              </line>
            )}
            <line class="axis-due" x1={x(row.dueAt)} x2={x(row.dueAt)} y1={y - 11} y2={y + 11}>
              <title>{`${label} · ${t('due')} ${f.dateTime(row.dueAt)}`}</title>
            </line>
            {row.doneAt && (
              <circle class="axis-done" cx={x(row.doneAt)} cy={y} r={6}>
                <title>{`${label} · ${t('done')} ${f.dateTime(row.doneAt)}`}</title>
              </circle>
            )}
          </g>
        );
      })}
      <g class="axis-row">
        <text class="axis-label" x={8} y={mid(axis.rows.length) + 4} font-size="13">
          {t('escalations')}
        </text>
        {axis.checkpoints.map((c) => {
          const cx = x(c.at);
          const cy = mid(axis.rows.length);
          return (
            <polygon
              class={c.fired ? 'axis-escalation fired' : 'axis-escalation ahead'}
              points={`${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}`}
            >
              <title>{`${labelOf(CHECKPOINT_LABELS, c.kind, ctx.locale)} · ${t('levelN', { level: c.level })} · ${f.dateTime(c.at)}`}</title>
            </polygon>
          );
        })}
      </g>
      {axis.nowShown && (
        <g class="axis-now">
          <line x1={nowX} x2={nowX} y1={TOP - 8} y2={bottom} />
          <text
            x={nowX}
            y={TOP - 12}
            font-size="12"
            text-anchor={nowX > W - 40 ? 'end' : nowX < LABEL + 20 ? 'start' : 'middle'}
          >
            {t('now')}
          </text>
        </g>
      )}
    </svg>
  );
}

/** What the chart's marks mean, drawn with the chart's own classes. */
export function DeadlineLegend({ ctx }: { ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  const items = [
    [t('legendWindow'), <rect class="axis-window" x={0} y={3} width={28} height={8} />],
    [t('legendDue'), <line class="axis-due" x1={14} x2={14} y1={0} y2={14} />],
    [t('legendOriginalDue'), <line class="axis-due-original" x1={14} x2={14} y1={0} y2={14} />],
    [t('legendDone'), <circle class="axis-done" cx={14} cy={7} r={6} />],
    [t('legendLate'), <rect class="axis-late" x={0} y={3} width={28} height={8} />],
    [t('fired'), <polygon class="axis-escalation fired" points="14,0 21,7 14,14 7,7" />],
    [t('ahead'), <polygon class="axis-escalation ahead" points="14,1 20,7 14,13 8,7" />],
    [t('pausedLegend'), <rect class="axis-pause" x={1} y={1} width={26} height={12} />],
    [t('now'), <line class="axis-now-mark" x1={14} x2={14} y1={0} y2={14} />],
  ] as const;
  return (
    <ul class="axis-legend deadline-axis">
      {items.map(([label, mark]) => (
        <li>
          <svg width={28} height={14} viewBox="0 0 28 14" aria-hidden="true" focusable="false">
            {mark}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The same dates as the chart, as tables: each duty, then each escalation checkpoint. */
export function DeadlineTables({
  axis,
  ctx,
  partnerNames,
}: {
  axis: DeadlineAxis;
  ctx: PageContext;
  partnerNames: Record<string, string>;
}) {
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  return (
    <>
      <p>
        {t('nowIs', { now: f.dateTime(axis.now) })}
        {!axis.nowShown && ` ${t('nowOutside')}`}
      </p>
      <table class="deadline-list">
        <caption class="visually-hidden">{t('deadlines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('from')}</th>
            <th scope="col">{t('due')}</th>
            <th scope="col">{t('done')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {axis.rows.map((row) => (
            <tr class={row.state === 'overdue' || row.state === 'late' ? 'overdue' : undefined}>
              <th scope="row">{rowLabel(row, ctx, partnerNames)}</th>
              <td>{f.dateTime(row.startAt)}</td>
              <td>
                {f.dateTime(row.dueAt)}
                {row.originalDueAt && (
                  <>
                    <br />
                    <span class="muted">{t('originalDue', { at: f.dateTime(row.originalDueAt) })}</span>
                  </>
                )}
              </td>
              <td>{row.doneAt ? f.dateTime(row.doneAt) : '—'}</td>
              <td>{labelOf(AXIS_STATE_LABELS, row.state, ctx.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {axis.checkpoints.length === 0 ? (
        <p class="muted">{t('noCheckpoints')}</p>
      ) : (
        <table class="checkpoint-list">
          <caption>{t('escalations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('deadlineOf')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('level')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {axis.checkpoints.map((c) => (
              <tr>
                <td>{f.dateTime(c.at)}</td>
                <td>{labelOf(DEADLINE_LABELS, c.deadline, ctx.locale)}</td>
                <td>{labelOf(CHECKPOINT_LABELS, c.kind, ctx.locale)}</td>
                <td>{String(c.level)}</td>
                <td>{c.fired ? t('fired') : t('ahead')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
