import type { Locale } from '../i18n/locale';
import { dashboardMessages } from './portal-messages';

/** A GET form choosing the period (quarters, then months); keeps the page's other parameters. */
export function PeriodPicker({
  action,
  period,
  choices,
  keep = {},
  locale,
}: {
  action: string;
  period: string;
  choices: { quarters: string[]; months: string[] };
  keep?: Record<string, string>;
  locale: Locale;
}) {
  const t = dashboardMessages(locale);
  const known = choices.quarters.includes(period) || choices.months.includes(period);
  return (
    <form method="get" action={action} class="filters period-picker">
      {Object.entries(keep).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="field">
        <label for="period">{t('period')}</label>
        <select id="period" name="period">
          {!known && (
            <option value={period} selected>
              {period}
            </option>
          )}
          <optgroup label={t('quarters')}>
            {choices.quarters.map((q) => (
              <option value={q} selected={q === period}>
                {q}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('months')}>
            {choices.months.map((m) => (
              <option value={m} selected={m === period}>
                {m}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <button type="submit">{t('apply')}</button>
    </form>
  );
}
