// Generated from services/web/openapi/follow-up.json by src/openapi/write.ts: do not edit.
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
    "/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Files in my scope (office, association, or national for an auditor), filtered and paged
         * @description Files in my scope (office, association, or national for an auditor), filtered and paged
         */
        get: operations["getFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file with the victim's personal data (each read is written to the access log)
         * @description A file with the victim's personal data (each read is written to the access log)
         */
        get: operations["getFilesByFileId"];
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
    getFiles: {
        parameters: {
            query: {
                officeId?: string;
                caseworkerId?: string;
                caseId?: string;
                status?: "open" | "closure-requested" | "closed" | "transferred";
                urgency?: "low" | "normal" | "high" | "immediate";
                /** @description Files flagged for inactivity */
                inactive?: boolean;
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
                            fileId: string;
                            caseId: string;
                            associationId: string;
                            officeId: string;
                            status: string;
                            origin: string;
                            referralId: string;
                            linkedFileId: string | null;
                            caseworkerId: string | null;
                            /** @enum {string} */
                            channel: "helpline" | "walk-in" | "requisition" | "partner" | "mass-event";
                            /** @enum {string} */
                            offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                            /** @enum {string} */
                            urgency: "low" | "normal" | "high" | "immediate";
                            needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                            actionCount: number;
                            mediationOpen: boolean;
                            closedReason: ("support-completed" | "unreachable" | "declined-by-victim" | "transferred" | "deceased" | "other") | null;
                            openedAt: string;
                            lastActivityAt: string;
                            flaggedInactiveSince: string | null;
                            readOnly: boolean;
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
    getFilesByFileId: {
        parameters: {
            query: {
                purpose: string;
            };
            header?: never;
            path: {
                fileId: string;
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
                        fileId: string;
                        caseId: string;
                        /** @enum {string} */
                        status: "open" | "closure-requested" | "closed" | "transferred";
                        readOnly: boolean;
                        associationId: string;
                        officeId: string;
                        timeZone: string;
                        origin: unknown;
                        caseworkerId: string | null;
                        openedAt: string;
                        lastActivityAt: string;
                        flaggedInactiveSince: string | null;
                        facts: unknown;
                        personal: unknown;
                        closureRequest: unknown;
                        closed: unknown;
                        transferredTo: unknown;
                        mediation: unknown;
                        actions: {
                            actionId: string;
                            /** @enum {string} */
                            kind: "legal-information" | "psychological-support" | "social-support" | "hearing-accompaniment" | "civil-party-claim" | "compensation-file" | "orientation" | "other";
                            on: string;
                            durationMinutes: number;
                            /** @enum {string} */
                            channel: "in-person" | "phone" | "video" | "home-visit";
                            staffIds: string[];
                            note: string | null;
                            scheme: string | null;
                            orientedTo: string | null;
                            hearingId: string | null;
                            recordedBy: string;
                            recordedAt: string;
                        }[];
                        contact: unknown;
                        evvi: unknown;
                        procedure: unknown;
                        compensation: unknown;
                        tasks: unknown;
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
}
