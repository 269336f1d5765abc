// Generated from services/web/openapi/referral.json by src/openapi/write.ts: do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Liveness: the process answers
         */
        get: operations["getHealthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: every dependency answers (503 names the checks that fail)
         * @description Readiness: every dependency answers (503 names the checks that fail)
         */
        get: operations["getHealthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An office's referrals: received (its inbox) or sent (read-only trace), filtered and paged
         * @description An office's referrals: received (its inbox) or sent (read-only trace), filtered and paged
         */
        get: operations["getOfficesByOfficeIdReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a case went: its referrals, oldest first (the helpline and admins see all; association staff those their association sent or received)
         * @description Where a case went: its referrals, oldest first (the helpline and admins see all; association staff those their association sent or received)
         */
        get: operations["getCasesByCaseIdReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My office's inbox
         * @description My office's inbox
         */
        get: operations["getReferralsInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The national platform's queue: cases to route by hand (commune to ask, no coverage, no consent)
         * @description The national platform's queue: cases to route by hand (commune to ask, no coverage, no consent)
         */
        get: operations["getReferralsQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A referral with its routing reasons and deadlines
         * @description A referral with its routing reasons and deadlines
         */
        get: operations["getReferralsByReferralId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a proposed referral
         * @description Accept a proposed referral
         */
        post: operations["postReferralsByReferralIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a proposed referral, with a reason
         * @description Decline a proposed referral, with a reason
         */
        post: operations["postReferralsByReferralIdDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/redirect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redirect to another office or a foreign organisation: a new referral is proposed there
         * @description Redirect to another office or a foreign organisation: a new referral is proposed there
         */
        post: operations["postReferralsByReferralIdRedirect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/add-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * From an accepted referral, refer the victim to another office or a foreign organisation for a further service; the office keeps the case
         * @description From an accepted referral, refer the victim to another office or a foreign organisation for a further service; the office keeps the case
         */
        post: operations["postReferralsByReferralIdAddService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a referral (its sender)
         * @description Withdraw a referral (its sender)
         */
        post: operations["postReferralsByReferralIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an accepted referral with its outcome
         * @description Close an accepted referral with its outcome
         */
        post: operations["postReferralsByReferralIdDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals/{referralId}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Route a queued case by hand (national platform): propose it to an office or a foreign organisation
         * @description Route a queued case by hand (national platform): propose it to an office or a foreign organisation
         */
        post: operations["postReferralsByReferralIdRoute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/offices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find offices by words of their name or id, postcode or commune code, or association
         * @description Find offices by words of their name or id, postcode or commune code, or association
         */
        get: operations["getDirectoryOffices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/offices/{officeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An office of the network: its association, type, coverage and whether it is open
         * @description An office of the network: its association, type, coverage and whether it is open
         */
        get: operations["getDirectoryOfficesByOfficeId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/associations/{associationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An association of the network with its offices
         * @description An association of the network with its offices
         */
        get: operations["getDirectoryAssociationsByAssociationId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a case with this residence and offence would go, and why (no effect)
         * @description Where a case with this residence and offence would go, and why (no effect)
         */
        get: operations["getDirectoryRouting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/offices/{officeId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an office (admin): routing no longer proposes it
         * @description Close an office (admin): routing no longer proposes it
         */
        post: operations["postDirectoryOfficesByOfficeIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/feed/republish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish every office, partner and agreement again on the directory topic (Kafka lost it)
         * @description Publish every office, partner and agreement again on the directory topic (Kafka lost it)
         */
        post: operations["postDirectoryFeedRepublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/associations/{associationId}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change an association's coverage (admin): the communes and départements it serves
         * @description Change an association's coverage (admin): the communes and départements it serves
         */
        post: operations["postDirectoryAssociationsByAssociationIdCoverage"];
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
        Problem: {
            /** @description urn:parcours:problem:<code>, or about:blank for a 5xx */
            type: string;
            /** @description The reason phrase of the status */
            title: string;
            status: number;
            detail?: string;
            /** @description The path of the request, without its query string */
            instance: string;
            /** @description Stable, machine-readable: what to branch on */
            code?: string;
            errors?: {
                /** @description JSON pointer under the part of the request: /body/residence/postcode */
                field: string;
                /** @description What is wrong, never the value sent */
                message: string;
            }[];
            /** @description To quote to support */
            traceId?: string;
        };
    };
    responses: {
        /** @description The input does not match the schema (every invalid field is named) or is malformed */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid bearer token */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role or scope does not allow this */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing exists at this address */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource is not in a state that allows this, or a request with this Idempotency-Key is running */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the service accepts */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not of a content type this route accepts */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but a rule refuses it, or its Idempotency-Key was used for another request */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests from this caller: retry later */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getHealthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ok" | "error";
                        checks: {
                            [key: string]: {
                                status: "ok" | "error";
                                durationMs: number;
                                error?: "timeout" | "failed";
                            };
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ok" | "error";
                        checks: {
                            [key: string]: {
                                status: "ok" | "error";
                                durationMs: number;
                                error?: "timeout" | "failed";
                            };
                        };
                    };
                };
            };
        };
    };
    getOfficesByOfficeIdReferrals: {
        parameters: {
            query: {
                status?: "queued" | "proposed" | "accepted" | "declined" | "redirected" | "revoked" | "expired" | "done";
                urgency?: "low" | "normal" | "high" | "immediate";
                /** @description Proposals past their answer deadline */
                overdue?: boolean;
                box: "received" | "sent";
                limit: number;
                offset: number;
            };
            header?: never;
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referralId: string;
                            caseId: string;
                            intakeId: string;
                            status: string;
                            mode: string | null;
                            associationId: string | null;
                            officeId: string | null;
                            organisationId: string | null;
                            fromOfficeId: string | null;
                            urgency: string;
                            offenceCategory: string;
                            needs: string[];
                            reasons: {
                                /** @enum {string} */
                                code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                                params?: {
                                    [key: string]: string;
                                };
                                /** @description The reason in English, when no translation of the code is at hand */
                                text: string;
                            }[];
                            queueReason: string | null;
                            candidates: string[] | null;
                            dueAt: string | null;
                            overdue: boolean;
                            remindersSent: string[];
                            escalated: boolean;
                            declineReason: string | null;
                            redirectedTo: string | null;
                            redirectedFrom: string | null;
                            outcome: unknown | null;
                            readOnly: boolean;
                            proposedAt: string;
                            updatedAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCasesByCaseIdReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referralId: string;
                            caseId: string;
                            intakeId: string;
                            status: string;
                            mode: string | null;
                            associationId: string | null;
                            officeId: string | null;
                            organisationId: string | null;
                            fromOfficeId: string | null;
                            urgency: string;
                            offenceCategory: string;
                            needs: string[];
                            reasons: {
                                /** @enum {string} */
                                code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                                params?: {
                                    [key: string]: string;
                                };
                                /** @description The reason in English, when no translation of the code is at hand */
                                text: string;
                            }[];
                            queueReason: string | null;
                            candidates: string[] | null;
                            dueAt: string | null;
                            overdue: boolean;
                            remindersSent: string[];
                            escalated: boolean;
                            declineReason: string | null;
                            redirectedTo: string | null;
                            redirectedFrom: string | null;
                            outcome: unknown | null;
                            readOnly: boolean;
                            proposedAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReferralsInbox: {
        parameters: {
            query: {
                status?: "queued" | "proposed" | "accepted" | "declined" | "redirected" | "revoked" | "expired" | "done";
                urgency?: "low" | "normal" | "high" | "immediate";
                /** @description Proposals past their answer deadline */
                overdue?: boolean;
                box: "received" | "sent";
                limit: number;
                offset: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referralId: string;
                            caseId: string;
                            intakeId: string;
                            status: string;
                            mode: string | null;
                            associationId: string | null;
                            officeId: string | null;
                            organisationId: string | null;
                            fromOfficeId: string | null;
                            urgency: string;
                            offenceCategory: string;
                            needs: string[];
                            reasons: {
                                /** @enum {string} */
                                code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                                params?: {
                                    [key: string]: string;
                                };
                                /** @description The reason in English, when no translation of the code is at hand */
                                text: string;
                            }[];
                            queueReason: string | null;
                            candidates: string[] | null;
                            dueAt: string | null;
                            overdue: boolean;
                            remindersSent: string[];
                            escalated: boolean;
                            declineReason: string | null;
                            redirectedTo: string | null;
                            redirectedFrom: string | null;
                            outcome: unknown | null;
                            readOnly: boolean;
                            proposedAt: string;
                            updatedAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReferralsQueue: {
        parameters: {
            query: {
                limit: number;
                offset: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            referralId: string;
                            caseId: string;
                            intakeId: string;
                            status: string;
                            mode: string | null;
                            associationId: string | null;
                            officeId: string | null;
                            organisationId: string | null;
                            fromOfficeId: string | null;
                            urgency: string;
                            offenceCategory: string;
                            needs: string[];
                            reasons: {
                                /** @enum {string} */
                                code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                                params?: {
                                    [key: string]: string;
                                };
                                /** @description The reason in English, when no translation of the code is at hand */
                                text: string;
                            }[];
                            queueReason: string | null;
                            candidates: string[] | null;
                            dueAt: string | null;
                            overdue: boolean;
                            remindersSent: string[];
                            escalated: boolean;
                            declineReason: string | null;
                            redirectedTo: string | null;
                            redirectedFrom: string | null;
                            outcome: unknown | null;
                            readOnly: boolean;
                            proposedAt: string;
                            updatedAt: string;
                        }[];
                        total: number;
                        limit: number;
                        offset: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReferralsByReferralId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "none" | "queued" | "proposed" | "accepted" | "declined" | "redirected" | "revoked" | "expired" | "done";
                        referralId: string;
                        caseId: string;
                        intakeId: string;
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "immediate";
                        offenceCategory: string;
                        needs: string[];
                        consent: {
                            sharing: boolean;
                            override?: {
                                reason: string;
                                by: string;
                            };
                        };
                        originAssociationId?: string;
                        reasons: {
                            /** @enum {string} */
                            code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                            params?: {
                                [key: string]: string;
                            };
                            /** @description The reason in English, when no translation of the code is at hand */
                            text: string;
                        }[];
                        /** @description When it was proposed, or queued */
                        at: string;
                        /** @description Queued: why the national platform routes it by hand */
                        why?: string;
                        candidates?: string[];
                        /** @enum {string} */
                        mode?: "transfer" | "referral";
                        from?: {
                            /** @enum {string} */
                            kind: "national-platform";
                        } | {
                            /** @enum {string} */
                            kind: "office";
                            associationId: string;
                            officeId: string;
                        };
                        target?: {
                            /** @enum {string} */
                            kind: "office";
                            /** @description Association */
                            associationId: string;
                            /** @description Office */
                            officeId: string;
                        } | {
                            /** @enum {string} */
                            kind: "partner-association";
                            /** @description Association named by the agreement */
                            associationId: string;
                            /** @description Office */
                            officeId: string;
                            /** @description Partner agreement */
                            agreementId: string;
                        } | {
                            /** @enum {string} */
                            kind: "foreign-organisation";
                            /** @description Foreign victim support organisation */
                            organisationId: string;
                            countryCode: string;
                        };
                        redirectedFrom?: string;
                        deadlines?: {
                            dueAt: string;
                            reminders: {
                                kind: string;
                                at: string;
                            }[];
                        };
                        by?: string;
                        remindersSent?: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdDecline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdRedirect: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    officeId?: string;
                    organisationId?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdAddService: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    officeId?: string;
                    organisationId?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdRevoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdDone: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    successful: boolean;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postReferralsByReferralIdRoute: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                referralId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    officeId?: string;
                    organisationId?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        referralId: string;
                        status: string;
                        events: string[];
                        newReferralId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDirectoryOffices: {
        parameters: {
            query: {
                /** @description Words of the office’s name or id, its postcode or commune code (all must match) */
                q?: string;
                associationId?: string;
                includeClosed: boolean;
                limit: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            officeId: string;
                            associationId: string;
                            name: string;
                            /** @enum {string} */
                            type: "court-victim-office" | "police-station" | "gendarmerie" | "hospital" | "city-hall" | "legal-advice-centre";
                            address: {
                                line: string;
                                postcode: string;
                                communeCode: string;
                            };
                            openingHours: {
                                days: number[];
                                opens: string;
                                closes: string;
                            }[];
                            specialities: ("couple-violence" | "sexual-violence" | "minors" | "road-accident" | "terrorism" | "mass-casualty" | "fraud-scam" | "psychological-support" | "evvi" | "elderly")[];
                            active: boolean;
                        }[];
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDirectoryOfficesByOfficeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        officeId: string;
                        associationId: string;
                        name: string;
                        /** @enum {string} */
                        type: "court-victim-office" | "police-station" | "gendarmerie" | "hospital" | "city-hall" | "legal-advice-centre";
                        address: {
                            line: string;
                            postcode: string;
                            communeCode: string;
                        };
                        openingHours: {
                            days: number[];
                            opens: string;
                            closes: string;
                        }[];
                        specialities: ("couple-violence" | "sexual-violence" | "minors" | "road-accident" | "terrorism" | "mass-casualty" | "fraud-scam" | "psychological-support" | "evvi" | "elderly")[];
                        active: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDirectoryAssociationsByAssociationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                associationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDirectoryRouting: {
        parameters: {
            query: {
                countryCode: string;
                postcode?: string;
                communeCode?: string;
                offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                urgency?: "low" | "normal" | "high" | "immediate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "office" | "partner-association" | "foreign-organisation" | "national-queue" | "ask-commune";
                        associationId?: string;
                        officeId?: string;
                        communeCode?: string;
                        agreementId?: string;
                        organisationId?: string;
                        countryCode?: string;
                        /** @enum {string} */
                        why?: "no-coverage" | "consent-missing";
                        candidates?: string[];
                        reasons: {
                            /** @enum {string} */
                            code: "walk-in-kept" | "walk-in-outside-coverage" | "walk-in-office-inactive" | "agreement-names-association" | "agreement-not-valid" | "agreement-association-without-office" | "resident-abroad" | "no-foreign-organisation" | "residence-not-found" | "commune-ambiguous" | "residence-commune" | "commune-covered" | "departement-covered" | "no-coverage" | "association-without-office" | "no-open-office" | "office-chosen" | "sharing-consent-given" | "consent-override" | "consent-missing" | "redirected" | "service-added" | "declined" | "expired" | "routed-by-hand" | "note";
                            params?: {
                                [key: string]: string;
                            };
                            /** @description The reason in English, when no translation of the code is at hand */
                            text: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDirectoryOfficesByOfficeIdClose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDirectoryFeedRepublish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postDirectoryAssociationsByAssociationIdCoverage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                associationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    communes: string[];
                    departements: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
