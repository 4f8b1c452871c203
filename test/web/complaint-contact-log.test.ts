// First: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { recordComplaintContact } from '../../shared/application/contact-log';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { intakeBody, PII, principal } from '../support/fixtures';
import { webApp } from '../support/web-app';

describe('the contact log on the complaint page', () => {
  it('lists contacts redacted, in clear only after a reveal of the description, with the forms for the role', async () => {
    const w = await webApp();
    const staff = principal(w.tenant.id, ['handler', 'pii:read'], 'h-1');
    const { complaint } = await registerComplaint(w.platform, w.tenant, staff, IntakeSchema.parse(intakeBody()), 'k-1');
    const summary = `回电${PII.name}，告知进展`;
    await recordComplaintContact(
      w.platform,
      w.tenant,
      staff,
      complaint.id,
      { channel: 'phone', direction: 'outbound', summary },
      'k-c',
    );
    const page = await (await w.page('GET', `/console/complaints/${complaint.id}`, { principal: staff })).text();
    expect(page).toContain('回电[姓名]，告知进展');
    expect(page).not.toContain(summary);
    expect(page).toContain(`action="/console/complaints/${complaint.id}/contacts"`);
    expect(page).toContain(`action="/console/complaints/${complaint.id}/notes"`);
    expect(page).toContain('联系投诉人');
    const revealed = await w.page('POST', `/console/complaints/${complaint.id}/reveal`, {
      principal: staff,
      form: { 'fields[]': ['description'] },
    });
    expect(await revealed.text()).toContain(summary);
  });
});
