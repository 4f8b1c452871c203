import type { Surface } from '../app';
import { accessLogRoutes } from '../routes/access-log-routes';
import { actionRoutes } from '../routes/action-routes';
import { complaintRoutes } from '../routes/complaint-routes';
import { contactRoutes } from '../routes/contact-routes';
import { customerBaseRoutes } from '../routes/customer-base-routes';
import { policyRoutes } from '../routes/policy-routes';
import { referralRoutes } from '../routes/referral-routes';
import { taxonomyRoutes } from '../routes/taxonomy-routes';
import { unitRoutes } from '../routes/unit-routes';
import { webhookRoutes } from '../routes/webhook-routes';

/** `/v1/*`: institution staff, always within the tenant their token names. */
export const tenantSurface: Surface = {
  prefix: '/v1/*',
  tenantScoped: true,
  register(app, p) {
    complaintRoutes(app, p);
    actionRoutes(app, p);
    contactRoutes(app, p);
    referralRoutes(app, p);
    unitRoutes(app, p);
    policyRoutes(app, p);
    taxonomyRoutes(app, p);
    webhookRoutes(app, p);
    accessLogRoutes(app, p);
    customerBaseRoutes(app, p);
  },
};
