/**
 * Generated from the Redress OpenAPI document by `npm run client:generate`; do not edit.
 * A test fails when this file no longer matches the API, so it cannot drift.
 */
export interface paths {
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List complaints by status and due date */
        get: operations["listComplaints"];
        put?: never;
        /**
         * Register a complaint
         * @description Idempotent by `Idempotency-Key`: the same key and body return the first complaint (header `Idempotent-Replayed: true`); the same key with another body is 422.
         */
        post: operations["registerComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one complaint */
        get: operations["getComplaint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A complaint's append-only, hash-chained event log */
        get: operations["listComplaintEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge receipt to the complainant
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["acknowledgeComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign to a unit and handler
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["assignComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend the decision deadline (complex / especially complex)
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["extendDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop the clock for external appraisal, testing or valuation, with the notice to the complainant
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["pauseComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the clock again: the decision deadline moves by the paused calendar days
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["resumeComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the decision (409 while partner feedback is missing)
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["recordDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the complainant was told the decision (or the review decision)
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["recordFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/review-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the complainant's request for review (核查), inside the window
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["requestReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/review-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the review decision (not by the original handler)
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["recordReviewDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The complainant withdrew: ends the procedure
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["withdrawComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline to handle, with a reason code
         * @description An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.
         */
        post: operations["declineComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer to another institution: ends it here, registers it there */
        post: operations["transferComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/referrals/{partnerTenantId}/proceed-without": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Go ahead without a partner's answer: after the referral's deadline, or at once if the partner is suspended
         * @description The referral ends as `lapsed` (its deadline passed; before it: 422 `referral_deadline_not_passed`) or `waived` (the partner institution is suspended), on the complaint and in the partner's referral list, which then refuses a late answer. Recorded as `referral_lapsed`; the decision no longer waits for that partner.
         */
        post: operations["proceedWithoutPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A complaint's contacts with the complainant, oldest first
         * @description The text may hold personal data: it is stored encrypted beside a redacted copy (pii:read reads it in clear), and never appears in the events list, webhook payloads, logs or the regulator's views; the event commits to it by `data.textDigest`.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Record a contact with the complainant (channel, time, summary)
         * @description Recorded as event `contact_recorded` (channel, direction, time) at any stage; the complaint's `lastContactAt` follows. The text may hold personal data: it is stored encrypted beside a redacted copy (pii:read reads it in clear), and never appears in the events list, webhook payloads, logs or the regulator's views; the event commits to it by `data.textDigest`. Idempotent by `Idempotency-Key` per complaint: the same key and body answer with the entry first recorded (header `Idempotent-Replayed: true`); the same key with another body is 422.
         */
        post: operations["recordContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A complaint's internal notes, oldest first
         * @description The text may hold personal data: it is stored encrypted beside a redacted copy (pii:read reads it in clear), and never appears in the events list, webhook payloads, logs or the regulator's views; the event commits to it by `data.textDigest`.
         */
        get: operations["listNotes"];
        put?: never;
        /**
         * Add an internal note to a complaint
         * @description Recorded as event `note_added`, published to no webhook. The text may hold personal data: it is stored encrypted beside a redacted copy (pii:read reads it in clear), and never appears in the events list, webhook payloads, logs or the regulator's views; the event commits to it by `data.textDigest`. Idempotent by `Idempotency-Key` per complaint: the same key and body answer with the entry first recorded (header `Idempotent-Replayed: true`); the same key with another body is 422.
         */
        post: operations["addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referrals to answer (open ones by deadline), or of one status */
        get: operations["listReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/referrals/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a referral: the referring institution's decision waits for it */
        post: operations["answerReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit hierarchy */
        get: operations["getUnits"];
        /**
         * Replace the unit hierarchy
         * @description Send `If-Match: <version>` of the hierarchy you read (0 when there is none yet); a stale version gets 409.
         */
        put: operations["replaceUnits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SLA policy in force: preset, override and the effective result */
        get: operations["getPolicy"];
        /**
         * Replace the override (stricter than the preset only)
         * @description Looser than the preset → 422 listing every offending field. Send `If-Match: <version>` (0 when there is none yet). Applies to complaints received from then on: each change is a new immutable version, and an open complaint keeps the version it was registered under (`policy.revision`).
         */
        put: operations["replacePolicyOverride"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channels, categories and reasons for the caller's institution type */
        get: operations["getTaxonomy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type a subscription can name, with the JSON Schema of its body */
        get: operations["listWebhookEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The institution's endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register an endpoint; its signing secret is in this response only
         * @description With `Idempotency-Key`, a retry returns the same endpoint and secret instead of registering a second one.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete an endpoint (its pending deliveries are dropped) */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change an endpoint's URL, events or description */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhooks/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold deliveries (nothing is lost; they go out on resume) */
        post: operations["pauseWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again, including what was held (also re-enables a disabled endpoint) */
        post: operations["resumeWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret; the old one keeps signing beside it for 24 h */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event to this endpoint */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's delivery log, newest first: attempts, status codes, latency, response excerpts */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one delivery again now (same webhook-id, same body) */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every failed or exhausted delivery since a time */
        post: operations["replayFailedWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who revealed which complaint's personal data
         * @description Newest first: every month since the institution was onboarded, or one month (`month`, UTC). Entries name the user, the complaint and the fields shown, never the data itself. Administrators only.
         */
        get: operations["listAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-base/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers, policies and premium stated for a period */
        get: operations["getCustomerBase"];
        /**
         * State the customers, policies and premium of a period (month 2026-11 or quarter 2026Q4)
         * @description Replaces what was stated for the period. The regulator sees complaints received per 10,000 customers or policies and per ¥100m premium; a month without figures of its own uses its quarter’s.
         */
        put: operations["putCustomerBase"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List institutions */
        get: operations["listTenants"];
        put?: never;
        /**
         * Onboard an institution (creates its own table)
         * @description Idempotent by id: a retry of an onboarding that did not finish completes it; an id already in use is 409. A `timezone` the preset is not counted in by law (e.g. UTC for cn-nfra-2020) is 422 `timezone_not_legal`.
         */
        post: operations["onboardTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an institution (its users get 403; data is kept) */
        post: operations["suspendTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a suspended institution */
        post: operations["reactivateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An institution's request budget
         * @description `requestsPerMinute`: requests all of the institution's staff and integrations may make together in one fixed minute (over it: 429 `tenant_rate_limited` with `Retry-After`); `null`: the platform default (`tenantRequestsPerMinute` of `REDRESS_RATE_LIMITS`). A change reaches every instance within a few seconds.
         */
        get: operations["getTenantLimits"];
        /**
         * Set an institution's request budget (its plan)
         * @description `requestsPerMinute`: requests all of the institution's staff and integrations may make together in one fixed minute (over it: 429 `tenant_rate_limited` with `Retry-After`); `null`: the platform default (`tenantRequestsPerMinute` of `REDRESS_RATE_LIMITS`). A change reaches every instance within a few seconds.
         */
        put: operations["setTenantLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/calendars/{calendar}/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The year of a holiday calendar deadlines are counted with
         * @description `origin`: `loaded` (an operator loaded it; `version` ≥ 1), `shipped` (the data files) or `statutory` (no schedule yet: weekends and the days fixed by law; deadlines over it are provisional, `final: false`).
         */
        get: operations["getCalendarYear"];
        /**
         * Load a year's holiday schedule (e.g. China's State Council notice each November)
         * @description Replaces the whole year as a new version. Every date must be in the year; no day both a holiday and a working day; make-up working days (cn only) must be Saturdays or Sundays; every statutory holiday must be a holiday (422 `invalid_calendar_year` listing each problem). `If-Match: <version>` (0 when none is loaded) is optional: with it a concurrent load is 409. Open complaints whose deadlines were provisional are recounted: each that changes records `deadlines_recalculated` and its timers are re-armed; `recalculated` says how many.
         */
        put: operations["loadCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An institution's identity provider for the console (without its secret)
         * @description The institution's own OpenID provider for the staff console: the authorization code flow with PKCE against `issuer`, as the application `clientId`. Register `<public URL>/console/sign-in/oidc/callback` as its redirect URI. A session's tenant is always this one, whatever the IdP's tokens say; its roles come from the ID token claim `rolesClaim` (a name or a dotted path), keeping only `allowedGrants` (never more than intake, handler, supervisor, admin and pii:read). The client secret is stored encrypted with the tenant's own key and never answered back (`clientSecretSet`).
         */
        get: operations["getTenantSignIn"];
        /**
         * Set an institution's identity provider for the console
         * @description The institution's own OpenID provider for the staff console: the authorization code flow with PKCE against `issuer`, as the application `clientId`. Register `<public URL>/console/sign-in/oidc/callback` as its redirect URI. A session's tenant is always this one, whatever the IdP's tokens say; its roles come from the ID token claim `rolesClaim` (a name or a dotted path), keeping only `allowedGrants` (never more than intake, handler, supervisor, admin and pii:read). The client secret is stored encrypted with the tenant's own key and never answered back (`clientSecretSet`). Without `clientSecret` the stored one stays (422 `client_secret_required` when there is none yet).
         */
        put: operations["setTenantSignIn"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/lifecycle-repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enter an institution's broken lifecycles at the step their record is at
         * @description For lifecycles broken by the signal race fixed in issue 7: an execution past the step its complaint's record is at, or one that ended while the complaint is open. Each is moved back to the recorded step and restarted there as a new execution (`execution`: `<complaintId>-r<n>`; a Standard execution's name cannot be used again); the stopped one goes to the dead-letter queue as `ABORTED` with the error `Redress.Restarted`. Lifecycles that are sound are left alone, so running it again repairs nothing twice, and a repair cut short is finished by the next run. Without a body (or with `{}`) it looks at one page of open complaints; send `nextCursor` back as `cursor` until it is null. With `complaintId`, that complaint only (404 if it does not exist).
         */
        post: operations["repairLifecycles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Institutions on the platform, with their KPIs for a period
         * @description With `period` (a month 2026-11 or a quarter 2026Q4) each institution carries its KPIs for it and its gauges (open and overdue now), read from aggregates, and complaints received per 10,000 customers or policies and per ¥100m premium where it stated them (PUT /v1/customer-base/{period}); null where it did not.
         */
        get: operations["listInstitutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/institutions/{tenantId}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An institution's complaints, without personal data
         * @description No complainant or agent; the description is always the copy redacted at write time. `status` (or none: every open complaint) picks the index; the other filters are applied to the pages read from it.
         */
        get: operations["listInstitutionComplaints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/institutions/{tenantId}/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One complaint of an institution, without personal data */
        get: operations["getInstitutionComplaint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/institutions/{tenantId}/complaints/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A complaint's timeline: deadlines, escalations, decisions; no free text */
        get: operations["listInstitutionComplaintEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform-wide figures by institution kind, category, reason and channel
         * @description From the aggregates each change writes in its own transaction: one read per institution and month.
         */
        get: operations["getPlatformStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/forwarded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complaints the regulator forwarded (转办), with the institution’s report back
         * @description Newest first, at most 500 (narrow by reference or institution). Read from each institution's forwarded-complaints partition, never a Scan.
         */
        get: operations["listForwardedComplaints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulator/v1/returns/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The periodic return as CSV, e.g. 2026Q3.csv (UTF-8 with BOM)
         * @description One row per institution and business category; columns as documented in README.md (Regulator). Numbers equal the KPIs of GET /regulator/v1/institutions for the period.
         */
        get: operations["getPeriodicReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Complaint: {
            id: string;
            reference: string;
            /** @enum {string} */
            status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
            overdue: boolean;
            receivedAt: string;
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
            category: string;
            reason: string;
            product?: string;
            description: string;
            descriptionMasked: boolean;
            amountInDispute?: {
                amount: string;
                currency: string;
            };
            complainant: {
                name: string;
                phone?: string;
                /** Format: email */
                email?: string;
                idNumber?: string;
                address?: string;
            } | {
                [key: string]: string;
            };
            complainantMasked: boolean;
            agent?: {
                name: string;
                /** @enum {string} */
                relationship: "agent" | "heir" | "representative";
                phone?: string;
                /** Format: email */
                email?: string;
                authorisationRef?: string;
            };
            unitId: string | null;
            assignee: string | null;
            partners: string[];
            attachments: {
                name: string;
                contentType: string;
                sizeBytes: number;
                sha256?: string;
                storageRef?: string;
            }[];
            deadlines: {
                acknowledgement: string;
                decision: string;
                originalDecision?: string;
                reviewRequest?: string;
                reviewDecision?: string;
            };
            deadlinesProvisional: boolean;
            provisionalDeadlines?: {
                acknowledgement: boolean;
                decision: boolean;
                originalDecision?: boolean;
                reviewRequest?: boolean;
                reviewDecision?: boolean;
            };
            policy: {
                id: string;
                version: string;
                revision?: number;
            };
            escalationLevel: number;
            repeatOf: string | null;
            regulatorReference?: string;
            pause?: {
                from: string;
                reason: string;
                by: string;
                at: string;
                notice: {
                    /** @enum {string} */
                    channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                    sentAt: string;
                };
                to?: string;
                resumedBy?: string;
                days?: number;
            };
            pauses?: {
                from: string;
                reason: string;
                by: string;
                at: string;
                notice: {
                    /** @enum {string} */
                    channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                    sentAt: string;
                };
                to?: string;
                resumedBy?: string;
                days?: number;
            }[];
            decision?: {
                /** @enum {string} */
                outcome: "upheld" | "partially_upheld" | "not_upheld";
                summary: string;
                remedy?: string;
                remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                decidedAt: string;
                decidedBy: string;
                onTime: boolean;
            };
            feedback?: {
                /** @enum {string} */
                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                deliveredAt: string;
                summary: string;
                recordedBy: string;
                onTime: boolean;
            };
            extension?: {
                /** @enum {string} */
                tier: "complex" | "especially_complex";
                reason: string;
                approvedBy?: string;
                at: string;
                by: string;
                noticeChannel: string;
            };
            reviewRequest?: {
                reason: string;
                requestedAt: string;
            };
            reviewDecision?: {
                /** @enum {string} */
                outcome: "original_upheld" | "changed";
                summary: string;
                decidedAt: string;
                decidedBy: string;
                onTime: boolean;
            };
            reviewFeedback?: {
                /** @enum {string} */
                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                deliveredAt: string;
                summary: string;
                recordedBy: string;
                onTime: boolean;
            };
            ended?: {
                /** @enum {string} */
                kind: "withdrawn" | "declined" | "transferred";
                at: string;
                by: string;
                reason?: string;
                reasonCode?: string;
                toTenantId?: string;
                toComplaintId?: string;
            };
            transferredFrom?: {
                tenantId: string;
                complaintId: string;
                reference: string;
            };
            /** @default [] */
            referrals: {
                partnerTenantId: string;
                referralId: string;
                /** @enum {string} */
                status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                deadline?: string;
                position?: string;
                summary?: string;
                answeredAt?: string;
                endedAt?: string;
                endedBy?: string;
                reason?: string;
                /** @default 0 */
                escalationLevel: number;
                firedUntil?: string | null;
            }[];
            closedAt?: string;
            lastContactAt?: string;
            waitingFor?: string | null;
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        Error: {
            error: {
                code: string;
                message: string;
                details?: unknown;
            };
        };
        Intake: {
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
            /**
             * Format: date-time
             * @description When the complaint reached the institution, if before now: at most the platform's backdating limit (90 days unless configured) in the past, never in the future
             */
            receivedAt?: string;
            complainant: {
                name: string;
                phone?: string;
                /** Format: email */
                email?: string;
                idNumber?: string;
                address?: string;
            };
            agent?: {
                name: string;
                /** @enum {string} */
                relationship: "agent" | "heir" | "representative";
                phone?: string;
                /** Format: email */
                email?: string;
                authorisationRef?: string;
            };
            regulatorReference?: string;
            category: string;
            reason: string;
            product?: string;
            description: string;
            amountInDispute?: {
                amount: string;
                currency: string;
            };
            unitId?: string;
            partners?: string[];
            attachments?: {
                name: string;
                contentType: string;
                sizeBytes: number;
                sha256?: string;
                storageRef?: string;
            }[];
        };
        Event: {
            complaintId: string;
            seq: number;
            /** @enum {string} */
            type: "received" | "acknowledged" | "assigned" | "escalated" | "escalation_capped" | "overdue" | "extended" | "extension_notice_sent" | "deadlines_recalculated" | "referral_requested" | "referral_answered" | "referral_lapsed" | "paused" | "resumed" | "decided" | "feedback_delivered" | "review_window_opened" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred" | "contact_recorded" | "note_added";
            at: string;
            actor: {
                /** @enum {string} */
                kind: "user" | "system";
                id: string;
            };
            data: {
                [key: string]: unknown;
            };
            prevHash: string;
            hash: string;
        };
        ContactEntry: {
            /** @description The seq of its event in the complaint's chain */
            seq: number;
            recordedBy: string;
            recordedAt: string;
            intact: boolean;
            /** @enum {string} */
            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
            /** @enum {string} */
            direction: "outbound" | "inbound";
            contactedAt: string;
            summary: string;
            summaryMasked: boolean;
        };
        ContactInput: {
            /** @enum {string} */
            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
            /**
             * @default outbound
             * @enum {string}
             */
            direction: "outbound" | "inbound";
            /**
             * Format: date-time
             * @description When the contact took place, if not just now: never in the future, never before the receipt
             */
            contactedAt?: string;
            /** @description What was said or sent. May hold personal data: stored encrypted, shown redacted without pii:read, never in events, webhooks, logs or the regulator's views */
            summary: string;
        };
        NoteEntry: {
            /** @description The seq of its event in the complaint's chain */
            seq: number;
            recordedBy: string;
            recordedAt: string;
            intact: boolean;
            text: string;
            textMasked: boolean;
        };
        NoteInput: {
            /** @description Stored encrypted and shown redacted without pii:read, like a contact summary */
            text: string;
        };
        Referral: {
            id: string;
            fromTenantId: string;
            fromTenantName: string;
            complaintId: string;
            complaintReference: string;
            category: string;
            reason: string;
            product?: string;
            /** @enum {string} */
            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
            deadline: string;
            escalationLevel: number;
            answer?: {
                position: string;
                summary: string;
                answeredAt: string;
                answeredBy: string;
                onTime: boolean;
            };
            endedAt?: string;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        ReferralAnswer: {
            /** @enum {string} */
            position: "agrees" | "disagrees" | "partially_agrees" | "information_only";
            summary: string;
        };
        Units: {
            units: {
                id: string;
                name: {
                    "zh-CN": string;
                    en: string;
                };
                parentId?: string;
            }[];
        };
        Policy: {
            preset: {
                /** @enum {string} */
                id: "cn-nfra-2020" | "uk-fca-disp" | "eu-psd2" | "us-cfpb";
                version: string;
                jurisdiction: string;
                /** @enum {string} */
                calendar: "cn" | "uk-ew" | "us-federal" | "eu-target" | "none";
                timezone: string;
                acknowledgement: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                };
                decision: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                };
                extensions: {
                    complex?: {
                        total: {
                            amount: number;
                            /** @enum {string} */
                            unit: "calendar_days" | "business_days";
                        };
                        requiresApproval: boolean;
                        requiresNotice: boolean;
                    };
                    especially_complex?: {
                        total: {
                            amount: number;
                            /** @enum {string} */
                            unit: "calendar_days" | "business_days";
                        };
                        requiresApproval: boolean;
                        requiresNotice: boolean;
                    };
                };
                reviewRequestWindow: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                } | null;
                reviewDecision: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                } | null;
                rollToWorkingDay: boolean;
                escalation: {
                    checkpoints: {
                        fraction: number;
                        level: number;
                    }[];
                    afterDeadlineEvery: string;
                };
                notes: {
                    rule: string;
                    /** @enum {string} */
                    confidence: "P" | "S" | "U";
                    text: string;
                }[];
            };
            override: {
                acknowledgement?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
                decision?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
                extensions?: {
                    complex?: {
                        amount: number;
                        /** @enum {string} */
                        unit?: "calendar_days" | "business_days";
                    };
                    especially_complex?: {
                        amount: number;
                        /** @enum {string} */
                        unit?: "calendar_days" | "business_days";
                    };
                };
                reviewRequestWindow?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
                reviewDecision?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
                rollToWorkingDay?: boolean;
            };
            effective: {
                /** @enum {string} */
                id: "cn-nfra-2020" | "uk-fca-disp" | "eu-psd2" | "us-cfpb";
                version: string;
                jurisdiction: string;
                /** @enum {string} */
                calendar: "cn" | "uk-ew" | "us-federal" | "eu-target" | "none";
                timezone: string;
                acknowledgement: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                };
                decision: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                };
                extensions: {
                    complex?: {
                        total: {
                            amount: number;
                            /** @enum {string} */
                            unit: "calendar_days" | "business_days";
                        };
                        requiresApproval: boolean;
                        requiresNotice: boolean;
                    };
                    especially_complex?: {
                        total: {
                            amount: number;
                            /** @enum {string} */
                            unit: "calendar_days" | "business_days";
                        };
                        requiresApproval: boolean;
                        requiresNotice: boolean;
                    };
                };
                reviewRequestWindow: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                } | null;
                reviewDecision: {
                    amount: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "business_days";
                } | null;
                rollToWorkingDay: boolean;
                escalation: {
                    checkpoints: {
                        fraction: number;
                        level: number;
                    }[];
                    afterDeadlineEvery: string;
                };
                notes: {
                    rule: string;
                    /** @enum {string} */
                    confidence: "P" | "S" | "U";
                    text: string;
                }[];
            };
            version: number;
        };
        PolicyOverride: {
            acknowledgement?: {
                amount: number;
                /** @enum {string} */
                unit?: "calendar_days" | "business_days";
            };
            decision?: {
                amount: number;
                /** @enum {string} */
                unit?: "calendar_days" | "business_days";
            };
            extensions?: {
                complex?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
                especially_complex?: {
                    amount: number;
                    /** @enum {string} */
                    unit?: "calendar_days" | "business_days";
                };
            };
            reviewRequestWindow?: {
                amount: number;
                /** @enum {string} */
                unit?: "calendar_days" | "business_days";
            };
            reviewDecision?: {
                amount: number;
                /** @enum {string} */
                unit?: "calendar_days" | "business_days";
            };
            rollToWorkingDay?: boolean;
        };
        Taxonomy: {
            channels: {
                /** @enum {string} */
                code: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                label: {
                    "zh-CN": string;
                    en: string;
                };
            }[];
            categories: {
                code: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
            }[];
            reasons: {
                code: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
            }[];
        };
        WebhookEndpointWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            secret: string;
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            events: ("complaint.received" | "complaint.acknowledged" | "complaint.assigned" | "complaint.escalated" | "complaint.escalation_capped" | "complaint.overdue" | "complaint.extended" | "complaint.extension_notice_sent" | "complaint.paused" | "complaint.resumed" | "complaint.decided" | "complaint.feedback_recorded" | "complaint.review_window_opened" | "complaint.review_requested" | "complaint.reviewed" | "complaint.closed" | "complaint.withdrawn" | "complaint.declined" | "complaint.transferred" | "complaint.deadlines_recalculated" | "complaint.contact_recorded" | "referral.requested" | "referral.answered" | "referral.lapsed" | "webhook.endpoint_disabled" | "webhook.test")[];
            description?: string;
            /** @enum {string} */
            status: "active" | "paused" | "disabled";
            /** @enum {string} */
            disabledReason?: "gone" | "failing";
            failingSince: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        WebhookEndpointInput: {
            url: string;
            events: ("complaint.received" | "complaint.acknowledged" | "complaint.assigned" | "complaint.escalated" | "complaint.escalation_capped" | "complaint.overdue" | "complaint.extended" | "complaint.extension_notice_sent" | "complaint.paused" | "complaint.resumed" | "complaint.decided" | "complaint.feedback_recorded" | "complaint.review_window_opened" | "complaint.review_requested" | "complaint.reviewed" | "complaint.closed" | "complaint.withdrawn" | "complaint.declined" | "complaint.transferred" | "complaint.deadlines_recalculated" | "complaint.contact_recorded" | "referral.requested" | "referral.answered" | "referral.lapsed" | "webhook.endpoint_disabled" | "webhook.test")[];
            description?: string;
        };
        WebhookEndpointPatch: {
            url?: string;
            events?: ("complaint.received" | "complaint.acknowledged" | "complaint.assigned" | "complaint.escalated" | "complaint.escalation_capped" | "complaint.overdue" | "complaint.extended" | "complaint.extension_notice_sent" | "complaint.paused" | "complaint.resumed" | "complaint.decided" | "complaint.feedback_recorded" | "complaint.review_window_opened" | "complaint.review_requested" | "complaint.reviewed" | "complaint.closed" | "complaint.withdrawn" | "complaint.declined" | "complaint.transferred" | "complaint.deadlines_recalculated" | "complaint.contact_recorded" | "referral.requested" | "referral.answered" | "referral.lapsed" | "webhook.endpoint_disabled" | "webhook.test")[];
            description?: string;
        };
        WebhookDelivery: {
            endpointId: string;
            eventId: string;
            /** @enum {string} */
            type: "complaint.received" | "complaint.acknowledged" | "complaint.assigned" | "complaint.escalated" | "complaint.escalation_capped" | "complaint.overdue" | "complaint.extended" | "complaint.extension_notice_sent" | "complaint.paused" | "complaint.resumed" | "complaint.decided" | "complaint.feedback_recorded" | "complaint.review_window_opened" | "complaint.review_requested" | "complaint.reviewed" | "complaint.closed" | "complaint.withdrawn" | "complaint.declined" | "complaint.transferred" | "complaint.deadlines_recalculated" | "complaint.contact_recorded" | "referral.requested" | "referral.answered" | "referral.lapsed" | "webhook.endpoint_disabled" | "webhook.test";
            occurredAt: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "exhausted";
            attempts: {
                at: string;
                status: number | null;
                error?: string;
                latencyMs: number;
                body?: string;
            }[];
            attemptCount: number;
            nextAttemptAt: string | null;
            createdAt: string;
            updatedAt: string;
            id: string;
        };
        AccessEntry: {
            id: string;
            at: string;
            sub: string;
            issuer: string;
            complaintId: string;
            reference: string;
            fields: ("name" | "phone" | "email" | "idNumber" | "address" | "agent" | "description")[];
        };
        CustomerBase: {
            period: string;
            customers?: number;
            policies?: number;
            premiumYuan?: number;
            updatedAt: string;
            updatedBy: string;
        };
        /**
         * @example {
         *       "customers": 1200000,
         *       "policies": 350000,
         *       "premiumYuan": 480000000
         *     }
         */
        CustomerBaseInput: {
            customers?: number;
            policies?: number;
            premiumYuan?: number;
        };
        Tenant: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "bank" | "insurer";
            /** @enum {string} */
            policy: "cn-nfra-2020" | "uk-fca-disp" | "eu-psd2" | "us-cfpb";
            timezone: string;
            referencePrefix: string;
            repeatWindowDays: number;
            /** @enum {string} */
            status: "provisioning" | "active" | "suspended";
            limits?: {
                requestsPerMinute: number;
            };
            tableName: string;
            createdAt: string;
            updatedAt: string;
        };
        OnboardTenant: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "bank" | "insurer";
            /** @enum {string} */
            policy: "cn-nfra-2020" | "uk-fca-disp" | "eu-psd2" | "us-cfpb";
            timezone?: string;
            referencePrefix?: string;
            repeatWindowDays?: number;
        };
        TenantLimits: {
            requestsPerMinute: number | null;
        };
        CalendarYear: {
            /** @enum {string} */
            calendar: "cn" | "uk-ew" | "us-federal" | "eu-target" | "none";
            year: number;
            /** @enum {string} */
            origin: "loaded" | "shipped" | "statutory";
            final: boolean;
            holidays: string[];
            workingDays: string[];
            source: string;
            version: number;
            loadedAt?: string;
            loadedBy?: string;
        };
        CalendarYearInput: {
            holidays: string[];
            workingDays: string[];
            source: string;
        };
        TenantSignIn: {
            issuer: string;
            clientId: string;
            rolesClaim: string;
            allowedGrants: ("intake" | "handler" | "supervisor" | "admin" | "pii:read")[];
            updatedAt: string;
            clientSecretSet: boolean;
        };
        TenantSignInInput: {
            issuer: string;
            clientId: string;
            clientSecret?: string;
            rolesClaim?: string;
            allowedGrants?: ("intake" | "handler" | "supervisor" | "admin" | "pii:read")[];
        };
        LifecycleRepair: {
            complaintId: string;
            /** @enum {string|null} */
            from: "acknowledgement" | "referrals" | "decision" | "feedback" | "review_window" | "review_decision" | "review_feedback" | null;
            /** @enum {string} */
            to: "acknowledgement" | "referrals" | "decision" | "feedback" | "review_window" | "review_decision" | "review_feedback";
            execution: string;
            restarted: boolean;
        };
        LifecycleRepairRequest: {
            /** @description Repair this complaint only */
            complaintId?: string;
            /** @description The nextCursor of the previous page of this very query */
            cursor?: string;
        };
        InstitutionWithKpis: components["schemas"]["Institution"] & {
            period?: string;
            kpis?: {
                received: number;
                closed: number;
                becameOverdue: number;
                decided: {
                    onTime: number;
                    late: number;
                    onTimeRate: number | null;
                };
                daysToDecision: {
                    median: number | null;
                    p90: number | null;
                    histogram: {
                        [key: string]: number;
                    };
                };
                extensions: {
                    complex: number;
                    especiallyComplex: number;
                };
                escalations: number;
                repeats: number;
                feedbackBeforeClose: {
                    closed: number;
                    withFeedback: number;
                    rate: number | null;
                };
                reviews: {
                    requested: number;
                    changedOutcome: number;
                };
                withdrawn: number;
                declined: number;
                transferred: number;
                forwarded: number;
            };
            gauges?: {
                openNow: number;
                overdueNow: number;
            };
            /** @description The size the institution stated for the period (or its quarter); null: none */
            customerBase?: {
                period: string;
                customers?: number;
                policies?: number;
                premiumYuan?: number;
            } | null;
            /** @description Received per 10,000 customers */
            per10kCustomers?: number | null;
            /** @description Received per 10,000 policies */
            per10kPolicies?: number | null;
            /** @description Received per ¥100m premium */
            per100mPremium?: number | null;
        };
        Institution: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "bank" | "insurer";
            status: string;
            policy: string;
        };
        RegulatorComplaint: {
            id: string;
            reference: string;
            /** @enum {string} */
            status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
            overdue: boolean;
            receivedAt: string;
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
            category: string;
            reason: string;
            product?: string;
            description: string;
            descriptionMasked: boolean;
            amountInDispute?: {
                amount: string;
                currency: string;
            };
            unitId: string | null;
            assignee: string | null;
            partners: string[];
            attachments: {
                name: string;
                contentType: string;
                sizeBytes: number;
                sha256?: string;
                storageRef?: string;
            }[];
            deadlines: {
                acknowledgement: string;
                decision: string;
                originalDecision?: string;
                reviewRequest?: string;
                reviewDecision?: string;
            };
            deadlinesProvisional: boolean;
            provisionalDeadlines?: {
                acknowledgement: boolean;
                decision: boolean;
                originalDecision?: boolean;
                reviewRequest?: boolean;
                reviewDecision?: boolean;
            };
            policy: {
                id: string;
                version: string;
                revision?: number;
            };
            escalationLevel: number;
            repeatOf: string | null;
            regulatorReference?: string;
            pause?: {
                from: string;
                reason: string;
                by: string;
                at: string;
                notice: {
                    /** @enum {string} */
                    channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                    sentAt: string;
                };
                to?: string;
                resumedBy?: string;
                days?: number;
            };
            pauses?: {
                from: string;
                reason: string;
                by: string;
                at: string;
                notice: {
                    /** @enum {string} */
                    channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                    sentAt: string;
                };
                to?: string;
                resumedBy?: string;
                days?: number;
            }[];
            decision?: {
                /** @enum {string} */
                outcome: "upheld" | "partially_upheld" | "not_upheld";
                summary: string;
                remedy?: string;
                remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                decidedAt: string;
                decidedBy: string;
                onTime: boolean;
            };
            feedback?: {
                /** @enum {string} */
                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                deliveredAt: string;
                summary: string;
                recordedBy: string;
                onTime: boolean;
            };
            extension?: {
                /** @enum {string} */
                tier: "complex" | "especially_complex";
                reason: string;
                approvedBy?: string;
                at: string;
                by: string;
                noticeChannel: string;
            };
            reviewRequest?: {
                reason: string;
                requestedAt: string;
            };
            reviewDecision?: {
                /** @enum {string} */
                outcome: "original_upheld" | "changed";
                summary: string;
                decidedAt: string;
                decidedBy: string;
                onTime: boolean;
            };
            reviewFeedback?: {
                /** @enum {string} */
                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                deliveredAt: string;
                summary: string;
                recordedBy: string;
                onTime: boolean;
            };
            ended?: {
                /** @enum {string} */
                kind: "withdrawn" | "declined" | "transferred";
                at: string;
                by: string;
                reason?: string;
                reasonCode?: string;
                toTenantId?: string;
                toComplaintId?: string;
            };
            transferredFrom?: {
                tenantId: string;
                complaintId: string;
                reference: string;
            };
            /** @default [] */
            referrals: {
                partnerTenantId: string;
                referralId: string;
                /** @enum {string} */
                status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                deadline?: string;
                position?: string;
                summary?: string;
                answeredAt?: string;
                endedAt?: string;
                endedBy?: string;
                reason?: string;
                /** @default 0 */
                escalationLevel: number;
                firedUntil?: string | null;
            }[];
            closedAt?: string;
            lastContactAt?: string;
            waitingFor?: string | null;
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        RegulatorEvent: {
            complaintId: string;
            seq: number;
            /** @enum {string} */
            type: "received" | "acknowledged" | "assigned" | "escalated" | "escalation_capped" | "overdue" | "extended" | "extension_notice_sent" | "deadlines_recalculated" | "referral_requested" | "referral_answered" | "referral_lapsed" | "paused" | "resumed" | "decided" | "feedback_delivered" | "review_window_opened" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred" | "contact_recorded" | "note_added";
            at: string;
            actor: {
                /** @enum {string} */
                kind: "user" | "system";
                id: string;
            };
            data: {
                [key: string]: unknown;
            };
            prevHash: string;
            hash: string;
        };
        PlatformStats: {
            period: string;
            institutions: number;
            kpis: components["schemas"]["Kpis"];
            byKind: {
                /** @enum {string} */
                kind: "bank" | "insurer";
                institutions: number;
                kpis: components["schemas"]["Kpis"];
            }[];
            byCategory: {
                code: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                /** @enum {string} */
                kind: "bank" | "insurer";
                kpis: components["schemas"]["Kpis"];
            }[];
            byReason: {
                code: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                /** @enum {string} */
                kind: "bank" | "insurer";
                received: number;
            }[];
            byChannel: {
                code: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                received: number;
            }[];
        };
        Kpis: {
            received: number;
            closed: number;
            becameOverdue: number;
            decided: {
                onTime: number;
                late: number;
                onTimeRate: number | null;
            };
            daysToDecision: {
                median: number | null;
                p90: number | null;
                histogram: {
                    [key: string]: number;
                };
            };
            extensions: {
                complex: number;
                especiallyComplex: number;
            };
            escalations: number;
            repeats: number;
            feedbackBeforeClose: {
                closed: number;
                withFeedback: number;
                rate: number | null;
            };
            reviews: {
                requested: number;
                changedOutcome: number;
            };
            withdrawn: number;
            declined: number;
            transferred: number;
            forwarded: number;
        };
        ForwardedComplaint: {
            regulatorReference: string;
            tenantId: string;
            institution: string;
            complaintId: string;
            reference: string;
            /** @enum {string} */
            status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
            overdue: boolean;
            receivedAt: string;
            deadlines: {
                [key: string]: string;
            };
            extension: {
                tier: string;
                at: string;
            } | null;
            decision: {
                outcome: string;
                decidedAt: string;
                onTime: boolean;
            } | null;
            feedback: {
                deliveredAt: string;
                onTime: boolean;
            } | null;
            reviewDecision: {
                outcome: string;
                decidedAt: string;
                onTime: boolean;
            } | null;
            ended: {
                kind: string;
                at: string;
            } | null;
            closedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listComplaints: {
        parameters: {
            query?: {
                /** @description Without it: every open complaint (the work queue) */
                status?: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                overdue?: "true" | "false";
                unit?: string;
                /** @description Only complaints whose decision deadline is before this instant */
                dueBefore?: string;
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, earliest due first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Complaint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerComplaint: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Intake"];
            };
        };
        responses: {
            /** @description Registered (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listComplaintEvents: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acknowledgeComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    assignComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unitId: string;
                    assignee: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    extendDeadline: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    tier: "complex" | "especially_complex";
                    reason: string;
                    approvedBy?: string;
                    notice?: {
                        /** @enum {string} */
                        channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                        /** Format: date-time */
                        sentAt?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** Format: date-time */
                    from?: string;
                    notice: {
                        /** @enum {string} */
                        channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                        /** Format: date-time */
                        sentAt?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordDecision: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "upheld" | "partially_upheld" | "not_upheld";
                    summary: string;
                    remedy?: string;
                    remediesAvailable?: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordFeedback: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                    /** Format: date-time */
                    deliveredAt: string;
                    summary: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestReview: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordReviewDecision: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "original_upheld" | "changed";
                    summary: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declineComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reasonCode: "not_a_complaint" | "duplicate" | "outside_scope" | "already_in_litigation_or_arbitration" | "no_contact_possible" | "anonymous" | "other";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    transferComplaint: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    toTenantId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    proceedWithoutPartner: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                id: string;
                partnerTenantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The updated complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        reference: string;
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                        overdue: boolean;
                        receivedAt: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                        category: string;
                        reason: string;
                        product?: string;
                        description: string;
                        descriptionMasked: boolean;
                        amountInDispute?: {
                            amount: string;
                            currency: string;
                        };
                        complainant: {
                            name: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            idNumber?: string;
                            address?: string;
                        } | {
                            [key: string]: string;
                        };
                        complainantMasked: boolean;
                        agent?: {
                            name: string;
                            /** @enum {string} */
                            relationship: "agent" | "heir" | "representative";
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            authorisationRef?: string;
                        };
                        unitId: string | null;
                        assignee: string | null;
                        partners: string[];
                        attachments: {
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256?: string;
                            storageRef?: string;
                        }[];
                        deadlines: {
                            acknowledgement: string;
                            decision: string;
                            originalDecision?: string;
                            reviewRequest?: string;
                            reviewDecision?: string;
                        };
                        deadlinesProvisional: boolean;
                        provisionalDeadlines?: {
                            acknowledgement: boolean;
                            decision: boolean;
                            originalDecision?: boolean;
                            reviewRequest?: boolean;
                            reviewDecision?: boolean;
                        };
                        policy: {
                            id: string;
                            version: string;
                            revision?: number;
                        };
                        escalationLevel: number;
                        repeatOf: string | null;
                        regulatorReference?: string;
                        pause?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        };
                        pauses?: {
                            from: string;
                            reason: string;
                            by: string;
                            at: string;
                            notice: {
                                /** @enum {string} */
                                channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                                sentAt: string;
                            };
                            to?: string;
                            resumedBy?: string;
                            days?: number;
                        }[];
                        decision?: {
                            /** @enum {string} */
                            outcome: "upheld" | "partially_upheld" | "not_upheld";
                            summary: string;
                            remedy?: string;
                            remediesAvailable: ("review" | "mediation" | "arbitration" | "litigation" | "ombudsman" | "regulator")[];
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        feedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        extension?: {
                            /** @enum {string} */
                            tier: "complex" | "especially_complex";
                            reason: string;
                            approvedBy?: string;
                            at: string;
                            by: string;
                            noticeChannel: string;
                        };
                        reviewRequest?: {
                            reason: string;
                            requestedAt: string;
                        };
                        reviewDecision?: {
                            /** @enum {string} */
                            outcome: "original_upheld" | "changed";
                            summary: string;
                            decidedAt: string;
                            decidedBy: string;
                            onTime: boolean;
                        };
                        reviewFeedback?: {
                            /** @enum {string} */
                            channel: "phone" | "email" | "letter" | "sms" | "in_person" | "app" | "web";
                            deliveredAt: string;
                            summary: string;
                            recordedBy: string;
                            onTime: boolean;
                        };
                        ended?: {
                            /** @enum {string} */
                            kind: "withdrawn" | "declined" | "transferred";
                            at: string;
                            by: string;
                            reason?: string;
                            reasonCode?: string;
                            toTenantId?: string;
                            toComplaintId?: string;
                        };
                        transferredFrom?: {
                            tenantId: string;
                            complaintId: string;
                            reference: string;
                        };
                        /** @default [] */
                        referrals: {
                            partnerTenantId: string;
                            referralId: string;
                            /** @enum {string} */
                            status: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                            deadline?: string;
                            position?: string;
                            summary?: string;
                            answeredAt?: string;
                            endedAt?: string;
                            endedBy?: string;
                            reason?: string;
                            /** @default 0 */
                            escalationLevel: number;
                            firedUntil?: string | null;
                        }[];
                        closedAt?: string;
                        lastContactAt?: string;
                        waitingFor?: string | null;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Contacts in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ContactEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordContact: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description Recorded (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactEntry"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotes: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notes in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NoteEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addNote: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteInput"];
            };
        };
        responses: {
            /** @description Added (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteEntry"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReferrals: {
        parameters: {
            query?: {
                status?: "open" | "answered" | "cancelled" | "lapsed" | "waived";
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Referral"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    answerReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralAnswer"];
            };
        };
        responses: {
            /** @description The answered referral */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Units and their version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        units: {
                            id: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            parentId?: string;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceUnits: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Units"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        units: {
                            id: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            parentId?: string;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replacePolicyOverride: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyOverride"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTaxonomy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Codes with zh-CN and en labels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Taxonomy"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            type: string;
                            description: string;
                            schema: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookEndpoint"][];
                    };
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointInput"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointPatch"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveryId: string;
                    };
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                since?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayFailedWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayed: number;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAccessLog: {
        parameters: {
            query?: {
                /** @description Only this month (UTC), e.g. 2026-03 */
                month?: string;
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AccessEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomerBase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                period: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was stated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerBase"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCustomerBase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                period: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerBaseInput"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerBase"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Tenant"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    onboardTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OnboardTenant"];
            };
        };
        responses: {
            /** @description Onboarded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    suspendTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reactivateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenantLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its limits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantLimits"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setTenantLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantLimits"];
            };
        };
        responses: {
            /** @description Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantLimits"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                calendar: "cn" | "uk-ew" | "us-federal" | "eu-target";
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The effective year */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadCalendarYear: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                calendar: "cn" | "uk-ew" | "us-federal" | "eu-target";
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarYearInput"];
            };
        };
        responses: {
            /** @description Stored; open deadlines recounted (a tenant in `failedTenants` is recounted by loading the year again) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"] & {
                        recalculated: number;
                        failedTenants: string[];
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenantSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its sign-in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSignIn"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setTenantSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantSignInInput"];
            };
        };
        responses: {
            /** @description Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSignIn"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    repairLifecycles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LifecycleRepairRequest"];
            };
        };
        responses: {
            /** @description The lifecycles repaired (empty: none needed it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        repairs: components["schemas"]["LifecycleRepair"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong step, stale version or duplicate */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInstitutions: {
        parameters: {
            query?: {
                period?: string;
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InstitutionWithKpis"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInstitutionComplaints: {
        parameters: {
            query?: {
                /** @description Without it: every open complaint (the work queue) */
                status?: "received" | "acknowledged" | "investigating" | "decided" | "feedback_delivered" | "review_window" | "review_requested" | "reviewed" | "review_feedback_delivered" | "closed" | "withdrawn" | "declined" | "transferred";
                overdue?: "true" | "false";
                unit?: string;
                /** @description Only complaints whose decision deadline is before this instant */
                dueBefore?: string;
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
                category?: string;
                reason?: string;
                channel?: "phone" | "email" | "web" | "app" | "branch" | "letter" | "social" | "regulator_transfer";
                /** @description Received at or after this instant */
                receivedFrom?: string;
                /** @description Received before this instant */
                receivedTo?: string;
            };
            header?: never;
            path: {
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, earliest due first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RegulatorComplaint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInstitutionComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegulatorComplaint"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInstitutionComplaintEvents: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page of this very query */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                tenantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RegulatorEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (also for ids of another institution) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlatformStats: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformStats"];
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listForwardedComplaints: {
        parameters: {
            query?: {
                reference?: string;
                tenantId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forwarded complaints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ForwardedComplaint"][];
                    };
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeriodicReturn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; `details` lists each problem with its path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or untrusted token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role lacks the permission, or the institution is suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
