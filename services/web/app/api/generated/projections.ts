// Generated from services/web/openapi/projections.json by src/openapi/write.ts: do not edit.
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
    "/cases/{caseId}/path": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The victim's path: every step of the case, in order (the read is logged)
         * @description The victim's path: every step of the case, in order (the read is logged)
         */
        get: operations["getCasesByCaseIdPath"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An office's dashboard: caseload, referrals waiting and overdue, delays, breaches, what is coming
         * @description An office's dashboard: caseload, referrals waiting and overdue, delays, breaches, what is coming
         */
        get: operations["getOfficesByOfficeIdDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/associations/{associationId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An association's dashboard: the same figures over all its offices
         * @description An association's dashboard: the same figures over all its offices
         */
        get: operations["getAssociationsByAssociationIdDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network’s figures by association, département or region, small counts suppressed
         * @description The network’s figures by association, département or region, small counts suppressed
         */
        get: operations["getFederation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/associations/{associationId}/annual-reports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An association's annual report (JSON)
         * @description An association's annual report (JSON)
         */
        get: operations["getAssociationsByAssociationIdAnnualReportsByYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/annual-reports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network's annual report (JSON)
         * @description The network's annual report (JSON)
         */
        get: operations["getAnnualReportsByYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/associations/{associationId}/annual-reports/{year}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An association's annual report (CSV)
         * @description An association's annual report (CSV)
         */
        get: operations["getAssociationsByAssociationIdAnnualReportsByYearCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/annual-reports/{year}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network's annual report (CSV)
         * @description The network's annual report (CSV)
         */
        get: operations["getAnnualReportsByYearCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/associations/{associationId}/annual-reports/{year}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An association's annual report (PDF)
         * @description An association's annual report (PDF)
         */
        get: operations["getAssociationsByAssociationIdAnnualReportsByYearPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/annual-reports/{year}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network's annual report (PDF)
         * @description The network's annual report (PDF)
         */
        get: operations["getAnnualReportsByYearPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each view: live or rebuilding, its progress and its lag
         * @description Each view: live or rebuilding, its progress and its lag
         */
        get: operations["getViews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{view}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuilds a view from the integration-event log (progress on GET /views)
         * @description Rebuilds a view from the integration-event log (progress on GET /views)
         */
        post: operations["postViewsByViewRebuild"];
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
    getCasesByCaseIdPath: {
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
                        caseId: string;
                        steps: {
                            /** Format: date-time */
                            at: string;
                            source: "intake" | "referral" | "follow-up" | "mediation";
                            step: string;
                            associationId: string | null;
                            officeId: string | null;
                            fileId: string | null;
                            referralId: string | null;
                            mandateId: string | null;
                            details: {
                                [key: string]: unknown;
                            };
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
    getOfficesByOfficeIdDashboard: {
        parameters: {
            query?: {
                /** @description Figures as of this instant (default: now) */
                asOf?: string;
                /** @description Start of the period of delays, breaches and outcomes (default: 90 days before) */
                from?: string;
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
                        scope: {
                            kind: string;
                            id: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        /** Format: date-time */
                        from: string;
                        caseload: {
                            caseworkerId: string | null;
                            status: string;
                            files: number;
                        }[];
                        referrals: {
                            waiting: number;
                            overdue: number;
                        };
                        timeToFirstContact: {
                            files: number;
                            medianHours: number | null;
                            p90Hours: number | null;
                        };
                        timeToAcceptance: {
                            referrals: number;
                            medianHours: number | null;
                            p90Hours: number | null;
                        };
                        filesWithoutActivity: number;
                        deadlineBreaches: {
                            kind: string;
                            count: number;
                        }[];
                        upcomingHearings: {
                            hearingId: string;
                            fileId: string;
                            officeId: string;
                            /** Format: date-time */
                            startsAt: string;
                            accompanimentPlanned: boolean;
                        }[];
                        upcomingMediations: {
                            mandateId: string;
                            officeId: string;
                            firstConvocationBy: string | null;
                            deadline: string | null;
                        }[];
                        mediationOutcomes: {
                            outcome: string;
                            returnReason: string | null;
                            fulfilled: boolean | null;
                            count: number;
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
    getAssociationsByAssociationIdDashboard: {
        parameters: {
            query?: {
                /** @description Figures as of this instant (default: now) */
                asOf?: string;
                /** @description Start of the period of delays, breaches and outcomes (default: 90 days before) */
                from?: string;
            };
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
                content: {
                    "application/json": {
                        scope: {
                            kind: string;
                            id: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        /** Format: date-time */
                        from: string;
                        caseload: {
                            caseworkerId: string | null;
                            status: string;
                            files: number;
                        }[];
                        referrals: {
                            waiting: number;
                            overdue: number;
                        };
                        timeToFirstContact: {
                            files: number;
                            medianHours: number | null;
                            p90Hours: number | null;
                        };
                        timeToAcceptance: {
                            referrals: number;
                            medianHours: number | null;
                            p90Hours: number | null;
                        };
                        filesWithoutActivity: number;
                        deadlineBreaches: {
                            kind: string;
                            count: number;
                        }[];
                        upcomingHearings: {
                            hearingId: string;
                            fileId: string;
                            officeId: string;
                            /** Format: date-time */
                            startsAt: string;
                            accompanimentPlanned: boolean;
                        }[];
                        upcomingMediations: {
                            mandateId: string;
                            officeId: string;
                            firstConvocationBy: string | null;
                            deadline: string | null;
                        }[];
                        mediationOutcomes: {
                            outcome: string;
                            returnReason: string | null;
                            fulfilled: boolean | null;
                            count: number;
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
    getFederation: {
        parameters: {
            query: {
                level: "association" | "departement" | "region";
                /** @description Calendar year (default: this year) */
                year?: number;
                /** @description Only the rows of this region */
                region?: string;
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
                        year: number;
                        /** Format: date-time */
                        asOf: string;
                        threshold: number;
                        national: {
                            level: string;
                            key: string;
                            region: string | null;
                            values: {
                                /** @description null: suppressed */
                                openFiles: number | null;
                                /** @description null: suppressed */
                                filesWithoutActivity: number | null;
                                /** @description null: suppressed */
                                referralsWaiting: number | null;
                                /** @description null: suppressed */
                                referralsOverdue: number | null;
                                /** @description null: suppressed */
                                personsHelped: number | null;
                                /** @description null: suppressed */
                                deadlineBreaches: number | null;
                                /** @description null: suppressed */
                                mediationAgreements: number | null;
                                /** @description null: suppressed */
                                mediationReturns: number | null;
                            };
                        };
                        rows: {
                            level: string;
                            key: string;
                            region: string | null;
                            values: {
                                /** @description null: suppressed */
                                openFiles: number | null;
                                /** @description null: suppressed */
                                filesWithoutActivity: number | null;
                                /** @description null: suppressed */
                                referralsWaiting: number | null;
                                /** @description null: suppressed */
                                referralsOverdue: number | null;
                                /** @description null: suppressed */
                                personsHelped: number | null;
                                /** @description null: suppressed */
                                deadlineBreaches: number | null;
                                /** @description null: suppressed */
                                mediationAgreements: number | null;
                                /** @description null: suppressed */
                                mediationReturns: number | null;
                            };
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
    getAssociationsByAssociationIdAnnualReportsByYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                associationId: string;
                year: number;
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
                        year: number;
                        scope: {
                            kind: string;
                            id: string | null;
                        };
                        persons: {
                            [key: string]: number;
                        };
                        interviews: {
                            total: number;
                            byType: {
                                [key: string]: number;
                            };
                        };
                        offenceCategories: {
                            [key: string]: number;
                        };
                        referralSources: {
                            [key: string]: number;
                        };
                        evvi: {
                            submitted: number;
                            late: number;
                        };
                        accompaniedHearings: number;
                        mediation: {
                            agreed: number;
                            fulfilled: number;
                            notFulfilled: number;
                            returned: {
                                [key: string]: number;
                            };
                            refused: number;
                        };
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
    getAnnualReportsByYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
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
                        year: number;
                        scope: {
                            kind: string;
                            id: string | null;
                        };
                        persons: {
                            [key: string]: number;
                        };
                        interviews: {
                            total: number;
                            byType: {
                                [key: string]: number;
                            };
                        };
                        offenceCategories: {
                            [key: string]: number;
                        };
                        referralSources: {
                            [key: string]: number;
                        };
                        evvi: {
                            submitted: number;
                            late: number;
                        };
                        accompaniedHearings: number;
                        mediation: {
                            agreed: number;
                            fulfilled: number;
                            notFulfilled: number;
                            returned: {
                                [key: string]: number;
                            };
                            refused: number;
                        };
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
    getAssociationsByAssociationIdAnnualReportsByYearCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                associationId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report, one line per figure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAnnualReportsByYearCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report, one line per figure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAssociationsByAssociationIdAnnualReportsByYearPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                associationId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAnnualReportsByYearPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getViews: {
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
                        items: {
                            name: string;
                            status: string;
                            processed: number;
                            total: number;
                            startedAt: string | null;
                            finishedAt: string | null;
                            lagEvents: number;
                            lagSeconds: number;
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
    postViewsByViewRebuild: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                view: "cases" | "directory";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        status: string;
                        processed: number;
                        total: number;
                        startedAt: string | null;
                        finishedAt: string | null;
                        lagEvents: number;
                        lagSeconds: number;
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
}
