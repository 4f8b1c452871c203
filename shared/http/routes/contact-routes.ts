import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addComplaintNote, listContacts, listNotes, recordComplaintContact } from '../../application/contact-log';
import type { Platform } from '../../application/platform';
import {
  ContactEntrySchema,
  ContactInputSchema,
  NoteEntrySchema,
  NoteInputSchema,
} from '../../domain/complaint/contact-log';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, IdempotencyKeySchema, json, jsonBody, LimitSchema, page } from '../openapi-helpers';
import { IdParam } from './complaint-routes';

const ContactEntry = documented(ContactEntrySchema, 'ContactEntry');
const NoteEntry = documented(NoteEntrySchema, 'NoteEntry');
const Headers = z.object({ 'idempotency-key': IdempotencyKeySchema });
const PageQuery = z.object({ cursor: CursorParam, limit: LimitSchema.default(100) });

const PROTECTED =
  "The text may hold personal data: it is stored encrypted beside a redacted copy (pii:read reads it in clear), and never appears in the events list, webhook payloads, logs or the regulator's views; the event commits to it by `data.textDigest`.";
const IDEMPOTENT =
  'Idempotent by `Idempotency-Key` per complaint: the same key and body answer with the entry first recorded (header `Idempotent-Replayed: true`); the same key with another body is 422.';

/** `…/contacts` and `…/notes`: the contact log (the duty to keep the complainant informed) and internal notes. */
export function contactRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'recordContact',
      path: '/v1/complaints/{id}/contacts',
      tags: ['Contact log'],
      summary: 'Record a contact with the complainant (channel, time, summary)',
      description: `Recorded as event \`contact_recorded\` (channel, direction, time) at any stage; the complaint's \`lastContactAt\` follows. ${PROTECTED} ${IDEMPOTENT}`,
      middleware: [authorize(p.directory, 'complaint:contact')] as const,
      request: {
        params: IdParam,
        headers: Headers,
        body: jsonBody(documented(ContactInputSchema, 'ContactInput')),
      },
      responses: { 201: json(ContactEntry, 'Recorded (or replayed)'), ...errorResponses(400, 404, 409, 422) },
    }),
    async (c) => {
      const { entry, replayed } = await recordComplaintContact(
        p,
        c.var.tenant,
        c.var.principal,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(entry, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listContacts',
      path: '/v1/complaints/{id}/contacts',
      tags: ['Contact log'],
      summary: "A complaint's contacts with the complainant, oldest first",
      description: PROTECTED,
      middleware: [authorize(p.directory, 'complaint:read')] as const,
      request: { params: IdParam, query: PageQuery },
      responses: { 200: json(page(ContactEntry), 'Contacts in order'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const { id } = c.req.valid('param');
      const list = await listContacts(p, c.var.tenant, c.var.principal, id, limit, openCursor(c, cursor));
      return c.json(sealedPage(c, list), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'addNote',
      path: '/v1/complaints/{id}/notes',
      tags: ['Contact log'],
      summary: 'Add an internal note to a complaint',
      description: `Recorded as event \`note_added\`, published to no webhook. ${PROTECTED} ${IDEMPOTENT}`,
      middleware: [authorize(p.directory, 'complaint:note')] as const,
      request: {
        params: IdParam,
        headers: Headers,
        body: jsonBody(documented(NoteInputSchema, 'NoteInput')),
      },
      responses: { 201: json(NoteEntry, 'Added (or replayed)'), ...errorResponses(400, 404, 409, 422) },
    }),
    async (c) => {
      const { entry, replayed } = await addComplaintNote(
        p,
        c.var.tenant,
        c.var.principal,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(entry, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listNotes',
      path: '/v1/complaints/{id}/notes',
      tags: ['Contact log'],
      summary: "A complaint's internal notes, oldest first",
      description: PROTECTED,
      middleware: [authorize(p.directory, 'complaint:read')] as const,
      request: { params: IdParam, query: PageQuery },
      responses: { 200: json(page(NoteEntry), 'Notes in order'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const { id } = c.req.valid('param');
      const list = await listNotes(p, c.var.tenant, c.var.principal, id, limit, openCursor(c, cursor));
      return c.json(sealedPage(c, list), 200);
    },
  );
}
