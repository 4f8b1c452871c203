import canonicalize from 'canonicalize';
import { canReadPii, type Principal } from '../auth/principal';
import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import {
  addNote,
  type ContactEntry,
  type ContactInput,
  type NoteEntry,
  type NoteInput,
  recordContact,
} from '../domain/complaint/contact-log';
import type { Transition } from '../domain/complaint/transitions';
import { notFound, ruleViolation } from '../domain/errors';
import type { EventType } from '../domain/events/event-schema';
import { type ProtectedText, textDigest } from '../domain/events/protected-text';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { peopleOf } from '../pii/description';
import { clearText, protectText } from '../pii/free-text';
import type { IdempotencyRecord, StoredEvent } from '../store/complaints-repo';
import { changeComplaint } from './complaint-change';
import { IDEMPOTENCY_TTL_S } from './intake';
import type { Platform } from './platform';

type Kind = 'contact' | 'note';

/** Each kind's event type and the field name its ciphertext is bound to. */
const KINDS = {
  contact: { type: 'contact_recorded', field: 'contactSummary' },
  note: { type: 'note_added', field: 'note' },
} as const satisfies Record<Kind, { type: EventType; field: string }>;

/** The most a console page lists at once; the API pages through any number. */
const PAGE_MAX = 500;

export type Appended<T> = { entry: T; replayed: boolean };

/**
 * Appends a contact or a note to the complaint's chain with its text protected, through the same
 * transaction as every change. The key is taken in that transaction (scoped to the complaint and
 * kind): a retry with the same body answers with the entry first recorded, with another body 422.
 */
async function append(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  kind: Kind,
  body: unknown,
  text: string,
  idempotencyKey: string,
  decide: (r: ComplaintRecord, at: string, text: ProtectedText) => Transition,
): Promise<{ seq: number; replayed: boolean }> {
  const table = tenant.tableName;
  const fingerprint = await p.hasher.hash(tenant.id, `${kind}:${id}:${canonicalize(body)}`);
  const key = `${kind}:${id}:${idempotencyKey}`;
  const {
    after,
    transition,
    value: seen,
  } = await changeComplaint<IdempotencyRecord | undefined>(
    p,
    tenant,
    id,
    { kind: 'user', id: principal.sub },
    async (r, at) => {
      const seen = await p.complaints.getIdempotency(table, key);
      if (seen) return { transition: null, value: seen };
      const protectedText = await protectText(
        p.cipher,
        tenant.id,
        KINDS[kind].field,
        text,
        await peopleOf(p.cipher, r),
      );
      return { transition: decide(r, at, protectedText), value: undefined };
    },
    { idempotency: { key, fingerprint, expiresAt: Math.floor(p.clock.now().getTime() / 1000) + IDEMPOTENCY_TTL_S } },
  );
  if (seen) {
    if (seen.fingerprint !== fingerprint || seen.seq === undefined)
      throw ruleViolation(
        'idempotency_key_reused',
        'this Idempotency-Key was already used for a different request body',
      );
    return { seq: seen.seq, replayed: true };
  }
  if (!transition) throw new Error('an append records one event');
  p.logger.info(`${kind} recorded`, { tenantId: tenant.id, complaintId: id, seq: after.lastSeq });
  return { seq: after.lastSeq, replayed: false };
}

export async function recordComplaintContact(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  input: ContactInput,
  idempotencyKey: string,
): Promise<Appended<ContactEntry>> {
  const { seq, replayed } = await append(
    p,
    tenant,
    principal,
    id,
    'contact',
    input,
    input.summary,
    idempotencyKey,
    (r, at, t) => recordContact(r, input, at, t),
  );
  return { entry: await readEntry(p, tenant, id, seq, canReadPii(principal), contactEntry), replayed };
}

export async function addComplaintNote(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  input: NoteInput,
  idempotencyKey: string,
): Promise<Appended<NoteEntry>> {
  const { seq, replayed } = await append(
    p,
    tenant,
    principal,
    id,
    'note',
    input,
    input.text,
    idempotencyKey,
    (_r, _at, t) => addNote(t),
  );
  return { entry: await readEntry(p, tenant, id, seq, canReadPii(principal), noteEntry), replayed };
}

type Render<T> = (e: StoredEvent, text: string, masked: boolean, intact: boolean) => T;

const contactEntry: Render<ContactEntry> = (e, text, masked, intact) => ({
  seq: e.seq,
  channel: e.data.channel as ContactEntry['channel'],
  direction: e.data.direction as ContactEntry['direction'],
  contactedAt: String(e.data.contactedAt),
  summary: text,
  summaryMasked: masked,
  recordedBy: e.actor.id,
  recordedAt: e.at,
  intact,
});

const noteEntry: Render<NoteEntry> = (e, text, masked, intact) => ({
  seq: e.seq,
  text,
  textMasked: masked,
  recordedBy: e.actor.id,
  recordedAt: e.at,
  intact,
});

/** An entry's text as the caller may see it, and whether it is the text its event committed to. */
async function render<T>(p: Platform, tenant: Tenant, e: StoredEvent, clear: boolean, as: Render<T>): Promise<T> {
  const t = e.protectedText;
  if (!t) return as(e, '', true, false);
  const intact = (await textDigest(t)) === e.data.textDigest;
  const field = e.type === KINDS.contact.type ? KINDS.contact.field : KINDS.note.field;
  return clear ? as(e, await clearText(p.cipher, tenant.id, field, t), false, intact) : as(e, t.masked, true, intact);
}

async function readEntry<T>(
  p: Platform,
  tenant: Tenant,
  id: string,
  seq: number,
  clear: boolean,
  as: Render<T>,
): Promise<T> {
  const e = await p.complaints.event(tenant.tableName, id, seq);
  if (!e) throw notFound('entry');
  return render(p, tenant, e, clear, as);
}

async function listOf<T>(
  p: Platform,
  tenant: Tenant,
  id: string,
  kind: Kind,
  clear: boolean,
  as: Render<T>,
  limit: number,
  cursor?: string,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const page = await p.complaints.eventsOfTypes(tenant.tableName, id, [KINDS[kind].type], limit, cursor);
  // No entries may mean no complaint: another tenant's id is a 404 here too.
  if (page.items.length === 0 && !(await p.complaints.get(tenant.tableName, id))) throw notFound('complaint');
  return {
    items: await Promise.all(page.items.map((e) => render(p, tenant, e, clear, as))),
    nextCursor: page.nextCursor,
  };
}

export const listContacts = (
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  limit: number,
  cursor?: string,
) => listOf(p, tenant, id, 'contact', canReadPii(principal), contactEntry, limit, cursor);

export const listNotes = (
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  limit: number,
  cursor?: string,
) => listOf(p, tenant, id, 'note', canReadPii(principal), noteEntry, limit, cursor);

export type ContactLogData = { contacts: ContactEntry[]; notes: NoteEntry[]; truncated: boolean };

/**
 * A complaint's contacts and notes for its console page, oldest first. The text is in clear only
 * when the page asks (`reveal`, the user's deliberate "show") and the user holds pii:read.
 */
export async function readContactLog(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  o: { reveal?: boolean } = {},
): Promise<ContactLogData> {
  const clear = o.reveal === true && canReadPii(principal);
  const page = await p.complaints.eventsOfTypes(tenant.tableName, id, [KINDS.contact.type, KINDS.note.type], PAGE_MAX);
  const contacts: ContactEntry[] = [];
  const notes: NoteEntry[] = [];
  for (const e of page.items) {
    if (e.type === KINDS.contact.type) contacts.push(await render(p, tenant, e, clear, contactEntry));
    else notes.push(await render(p, tenant, e, clear, noteEntry));
  }
  return { contacts, notes, truncated: page.nextCursor !== null };
}
