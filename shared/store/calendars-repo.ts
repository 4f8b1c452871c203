import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { CalendarIdSchema, LocalDateSchema } from '../domain/calendars/calendar-data-schema';
import { conflict } from '../domain/errors';
import { byKindQuery, CONTROL_GSI, calendarVersionKey, calendarYearKey, type Kind, keyed } from './keys';
import { isConditionFailure, isTransactionConflict } from './transaction-errors';
import { versionedPut } from './versioned-put';

const KIND = 'CALENDAR_YEAR' satisfies Kind;

/**
 * Operator-loaded calendar years in the control plane (the one table both runtimes and every
 * function read): the version in force is listed by the byKind index; each version is also kept
 * under its number, so what a deadline was counted with can be traced.
 */

export const StoredCalendarYearSchema = z.object({
  calendar: CalendarIdSchema,
  year: z.number().int(),
  holidays: z.array(LocalDateSchema),
  workingDays: z.array(LocalDateSchema),
  source: z.string(),
  version: z.number().int().positive(),
  loadedAt: z.string(),
  loadedBy: z.string(),
});
export type StoredCalendarYear = z.infer<typeof StoredCalendarYearSchema>;

const plain = (item: Record<string, unknown>) => StoredCalendarYearSchema.parse(item);

export class CalendarsRepo {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(calendar: string, year: number): Promise<StoredCalendarYear | undefined> {
    const res = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: calendarYearKey(calendar, year),
        ConsistentRead: true,
      }),
    );
    return res.Item ? plain(res.Item) : undefined;
  }

  /** Every loaded year in force, all calendars: a few dozen items at most, read by the calendar source. */
  async listCurrent(): Promise<StoredCalendarYear[]> {
    const items: StoredCalendarYear[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new QueryCommand(byKindQuery(this.table, KIND, { start })));
      items.push(...(res.Items ?? []).map(plain));
      start = res.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * Stores `year` as the next version. With `expectedVersion` (If-Match; 0: none loaded yet) a
   * concurrent load is 409; without it the load goes on top of whatever is current.
   */
  async put(y: Omit<StoredCalendarYear, 'version'>, expectedVersion: number | undefined): Promise<StoredCalendarYear> {
    for (let attempt = 1; ; attempt++) {
      const current = expectedVersion ?? (await this.get(y.calendar, y.year))?.version ?? 0;
      const stored: StoredCalendarYear = { ...y, version: current + 1 };
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: versionedPut(
                  this.table,
                  {
                    ...keyed(KIND, calendarYearKey(y.calendar, y.year)),
                    ...stored,
                    [CONTROL_GSI.byKind.pk]: KIND,
                    [CONTROL_GSI.byKind.sk]: `${y.calendar}#${y.year}`,
                  },
                  current,
                ),
              },
              {
                Put: {
                  TableName: this.table,
                  Item: {
                    ...keyed('CALENDAR_YEAR_VERSION', calendarVersionKey(y.calendar, y.year, stored.version)),
                    ...stored,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return stored;
      } catch (e) {
        const lost = isConditionFailure(e) || isTransactionConflict(e);
        if (lost && expectedVersion === undefined && attempt < 4) continue;
        if (lost)
          throw conflict(
            'version_conflict',
            `${y.calendar} ${y.year} is not at version ${current} any more; read it again and retry`,
          );
        throw e;
      }
    }
  }
}
