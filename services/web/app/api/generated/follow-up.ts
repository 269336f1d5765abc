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
    "/files/{fileId}/for-mediation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a mediation needs: the victim’s name and allowed contact, the offence, the procedure’s references (each read is logged)
         * @description What a mediation needs: the victim’s name and allowed contact, the offence, the procedure’s references (each read is logged)
         */
        get: operations["getFilesByFileIdForMediation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign or reassign the file to a caseworker on its office’s roster (over capacity: the office manager forces it)
         * @description Assign or reassign the file to a caseworker on its office’s roster (over capacity: the office manager forces it)
         */
        post: operations["postFilesByFileIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the file with a reason; with a hearing, a compensation deadline or a mediation open, a caseworker’s request waits for the office manager
         * @description Close the file with a reason; with a hearing, a compensation deadline or a mediation open, a caseworker’s request waits for the office manager
         */
        post: operations["postFilesByFileIdClosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/closure/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the closure waiting for the office manager
         * @description Approve the closure waiting for the office manager
         */
        post: operations["postFilesByFileIdClosureApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/closure/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refuse the closure waiting for the office manager
         * @description Refuse the closure waiting for the office manager
         */
        post: operations["postFilesByFileIdClosureRefuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen a closed file, with a reason
         * @description Reopen a closed file, with a reason
         */
        post: operations["postFilesByFileIdReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/mediation-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request a penal mediation with the victim’s consent (never for violence within a couple); the mediation service takes it from followup.events.v1
         * @description Request a penal mediation with the victim’s consent (never for violence within a couple); the mediation service takes it from followup.events.v1
         */
        post: operations["postFilesByFileIdMediationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who works at the office
         * @description Who works at the office
         */
        get: operations["getOfficesByOfficeIdRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/roster/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Put a person on the roster, or change their role or capacity (the office manager)
         * @description Put a person on the roster, or change their role or capacity (the office manager)
         */
        put: operations["putOfficesByOfficeIdRosterByStaffId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/roster/{staffId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a person off the roster (their open files reassigned first)
         * @description Take a person off the roster (their open files reassigned first)
         */
        post: operations["postOfficesByOfficeIdRosterByStaffIdRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/caseload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open files per caseworker of the office, against their capacity
         * @description Open files per caseworker of the office, against their capacity
         */
        get: operations["getOfficesByOfficeIdCaseload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a support action
         * @description Record a support action
         */
        post: operations["postFilesByFileIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/safe-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the case’s safe-contact rules and safe hours
         * @description Record the case’s safe-contact rules and safe hours
         */
        post: operations["postFilesByFileIdSafeContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/contact-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a contact attempt (refused outside the safe hours or on a number not allowed)
         * @description Start a contact attempt (refused outside the safe hours or on a number not allowed)
         */
        post: operations["postFilesByFileIdContactAttempts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/contact-attempts/{attemptId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a contact attempt: answered, or a voicemail left (refused when forbidden)
         * @description End a contact attempt: answered, or a voicemail left (refused when forbidden)
         */
        post: operations["postFilesByFileIdContactAttemptsByAttemptIdEnd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/may-call-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the screen shows before dialling: allowed, which number, voicemail, the local time, the next window
         * @description What the screen shows before dialling: allowed, which number, voicemail, the local time, the next window
         */
        get: operations["getFilesByFileIdMayCallNow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/evvi/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a request for an EVVI, with its due date
         * @description Record a request for an EVVI, with its due date
         */
        post: operations["postFilesByFileIdEvviRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/evvi/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a version of the assessment (a later one says which new facts called for it)
         * @description Submit a version of the assessment (a later one says which new facts called for it)
         */
        post: operations["postFilesByFileIdEvviVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/evvi/versions/{version}/opinion.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The association’s opinion for the prosecutor, as a PDF (each read is written to the access log)
         * @description The association’s opinion for the prosecutor, as a PDF (each read is written to the access log)
         */
        get: operations["getFilesByFileIdEvviVersionsByVersionOpinionPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/complaint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the complaint
         * @description Record the complaint
         */
        post: operations["postFilesByFileIdComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/prosecution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the prosecution decision
         * @description Record the prosecution decision
         */
        post: operations["postFilesByFileIdProsecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/hearings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule a hearing (its accompaniment or preparation task and reminders follow)
         * @description Schedule a hearing (its accompaniment or preparation task and reminders follow)
         */
        post: operations["postFilesByFileIdHearings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/hearings/{hearingId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a hearing
         * @description Move a hearing
         */
        post: operations["postFilesByFileIdHearingsByHearingIdReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/hearings/{hearingId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a hearing
         * @description Cancel a hearing
         */
        post: operations["postFilesByFileIdHearingsByHearingIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/hearings/{hearingId}/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a hearing was held
         * @description Record that a hearing was held
         */
        post: operations["postFilesByFileIdHearingsByHearingIdHeld"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/judgments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a judgment (final: its compensation deadlines are tracked)
         * @description Record a judgment (final: its compensation deadlines are tracked)
         */
        post: operations["postFilesByFileIdJudgments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/judgments/{judgmentId}/final": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a judgment became final
         * @description Record that a judgment became final
         */
        post: operations["postFilesByFileIdJudgmentsByJudgmentIdFinal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/judgments/{judgmentId}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an appeal against a judgment
         * @description Record an appeal against a judgment
         */
        post: operations["postFilesByFileIdJudgmentsByJudgmentIdAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/compensation/{scheme}/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track (again) the scheme’s deadline from the procedure’s facts
         * @description Track (again) the scheme’s deadline from the procedure’s facts
         */
        post: operations["postFilesByFileIdCompensationBySchemeTrack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/compensation/{scheme}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the claim filed (a late one names its relief reason)
         * @description Record the claim filed (a late one names its relief reason)
         */
        post: operations["postFilesByFileIdCompensationBySchemeClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/compensation/{scheme}/waive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that no claim will be filed, and why
         * @description Record that no claim will be filed, and why
         */
        post: operations["postFilesByFileIdCompensationBySchemeWaive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task with its due time
         * @description Create a task with its due time
         */
        post: operations["postFilesByFileIdTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/tasks/{taskId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a task’s due time
         * @description Move a task’s due time
         */
        post: operations["postFilesByFileIdTasksByTaskIdReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/tasks/{taskId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task
         * @description Complete a task
         */
        post: operations["postFilesByFileIdTasksByTaskIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/tasks/{taskId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a task
         * @description Cancel a task
         */
        post: operations["postFilesByFileIdTasksByTaskIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule an appointment with the victim
         * @description Schedule an appointment with the victim
         */
        post: operations["postFilesByFileIdAppointments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/appointments/{appointmentId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an appointment
         * @description Move an appointment
         */
        post: operations["postFilesByFileIdAppointmentsByAppointmentIdReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}/appointments/{appointmentId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record how an appointment ended: held, missed or cancelled
         * @description Record how an appointment ended: held, missed or cancelled
         */
        post: operations["postFilesByFileIdAppointmentsByAppointmentIdEnd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offices/{officeId}/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The office’s overdue tasks, oldest first
         * @description The office’s overdue tasks, oldest first
         */
        get: operations["getOfficesByOfficeIdOverdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caseworkers/{staffId}/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A caseworker’s overdue tasks (theirs, or on the files they hold), oldest first
         * @description A caseworker’s overdue tasks (theirs, or on the files they hold), oldest first
         */
        get: operations["getCaseworkersByStaffIdOverdue"];
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
                        origin: {
                            /** @enum {string} */
                            kind: "referral";
                            referralId: string;
                        } | {
                            /** @enum {string} */
                            kind: "transfer";
                            referralId: string;
                            fromFileId: string;
                        } | {
                            /** @enum {string} */
                            kind: "added-service";
                            referralId: string;
                            holderFileId: string;
                        } | {
                            /** @enum {string} */
                            kind: "walk-in";
                            referralId: string;
                        };
                        caseworkerId: string | null;
                        openedAt: string;
                        lastActivityAt: string;
                        flaggedInactiveSince: string | null;
                        /** @description The case's facts as intake gave them, without the victim's envelope */
                        facts: {
                            caseId: string;
                            intakeId: string;
                            subjectId: string;
                            /** @enum {string} */
                            channel: "helpline" | "walk-in" | "requisition" | "partner" | "mass-event";
                            /** @enum {string} */
                            offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                            /** @enum {string} */
                            authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                            needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                            /** @enum {string} */
                            urgency: "low" | "normal" | "high" | "immediate";
                            vulnerabilities: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                            /** @enum {string} */
                            ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                            consent: {
                                services: boolean;
                                sharing: boolean;
                                override?: {
                                    reason: string;
                                    by: string;
                                };
                            };
                            safeContact: {
                                safeNumber: boolean;
                                safeHours: boolean;
                                noVoicemail: boolean;
                                throughThirdParty: boolean;
                            };
                            requisition?: {
                                /** @description A calendar date, YYYY-MM-DD */
                                dueDate: string;
                                evviRequested: boolean;
                            };
                        };
                        personal: ({
                            identity?: {
                                lastName?: string;
                                firstName?: string;
                                birthName?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            birthDate?: string;
                            contact?: {
                                phone?: string;
                                email?: string;
                                safeNumber?: string;
                                safeHours?: string;
                                thirdParty?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            address?: {
                                lines?: string[];
                                city?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            caller?: {
                                relationship?: string;
                                name?: string;
                                phone?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            narrative?: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        closureRequest: {
                            /** @enum {string} */
                            reason: "support-completed" | "unreachable" | "declined-by-victim" | "transferred" | "deceased" | "other";
                            details?: string;
                            openItems: ("hearing" | "compensation-deadline" | "mediation")[];
                            by: string;
                            /** @description An instant, ISO 8601 */
                            at: string;
                        } | null;
                        closed: {
                            /** @enum {string} */
                            reason: "support-completed" | "unreachable" | "declined-by-victim" | "transferred" | "deceased" | "other";
                            /** @description An instant, ISO 8601 */
                            at: string;
                        } | null;
                        transferredTo: ({
                            associationId: string;
                            officeId: string;
                        } | {
                            organisationId: string;
                            countryCode: string;
                        }) | null;
                        mediation: {
                            mediationRequestId: string;
                            open: boolean;
                            court?: string;
                            prosecutorOffice?: string;
                            /** @enum {string} */
                            outcome?: "agreement" | "failure" | "declined-by-prosecutor" | "returned-to-prosecutor";
                        } | null;
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
                        contact: {
                            rules: {
                                safeNumber: boolean;
                                safeHours: boolean;
                                noVoicemail: boolean;
                                throughThirdParty: boolean;
                                windows?: {
                                    days: number[];
                                    from: string;
                                    to: string;
                                }[];
                            };
                            timeZone: string;
                            /** @description By attempt id */
                            attempts: {
                                [key: string]: {
                                    /** @enum {string} */
                                    channel: "phone" | "sms" | "video";
                                    /** @enum {string} */
                                    number: "safe" | "other" | "third-party";
                                    /** @description An instant, ISO 8601 */
                                    at: string;
                                    ended?: {
                                        answered: boolean;
                                        voicemailLeft: boolean;
                                        /** @description An instant, ISO 8601 */
                                        at: string;
                                    };
                                };
                            };
                        };
                        evvi: {
                            requests: {
                                requestId: string;
                                /** @enum {string} */
                                requestedBy: "requisition" | "prosecutor" | "investigating-judge";
                                /** @description A calendar date, YYYY-MM-DD */
                                dueOn: string;
                                reference?: string;
                                /** @description The version that answered it */
                                answeredBy?: number;
                            }[];
                            /** @description Every version; the opinion itself is read as a PDF (a logged read) */
                            versions: {
                                version: number;
                                requestId: string;
                                criteria: {
                                    harm: {
                                        /** @enum {string} */
                                        physical: "none" | "minor" | "serious" | "very-serious";
                                        /** @enum {string} */
                                        psychological: "none" | "minor" | "serious" | "very-serious";
                                        /** @enum {string} */
                                        material: "none" | "minor" | "serious" | "very-serious";
                                    };
                                    circumstances: {
                                        discriminatoryMotive: boolean;
                                        sexistMotive: boolean;
                                        /** @enum {string} */
                                        linkWithAuthor: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                                    };
                                    personal: {
                                        minor: boolean;
                                        elderly: boolean;
                                        pregnancy: boolean;
                                        disability: boolean;
                                    };
                                    riskOfIntimidationOrReprisals: boolean;
                                    coerciveControl: boolean;
                                };
                                /** @enum {string} */
                                level: "low" | "moderate" | "high" | "very-high";
                                measures: ("serious-danger-phone" | "anti-approach-bracelet" | "protection-order" | "no-contact-order" | "eviction-of-author" | "shelter" | "closed-door-hearing" | "no-confrontation" | "recorded-hearing" | "interpreter" | "support-person-at-hearings" | "psychological-care" | "specialised-association")[];
                                by: string;
                                /** @description An instant, ISO 8601 */
                                at: string;
                            }[];
                        };
                        procedure: {
                            complaint?: {
                                /** @description A calendar date, YYYY-MM-DD */
                                filedOn: string;
                                /** @enum {string} */
                                with: "police" | "gendarmerie" | "prosecutor" | "investigating-judge";
                                /** @description A calendar date, YYYY-MM-DD */
                                offenceOn?: string;
                                reference?: string;
                            };
                            prosecution?: {
                                /** @enum {string} */
                                decision: "prosecution" | "judicial-investigation" | "alternative-measure" | "dismissal";
                                /** @description A calendar date, YYYY-MM-DD */
                                decidedOn: string;
                                court?: string;
                            };
                            /** @description By hearing id */
                            hearings: {
                                [key: string]: {
                                    hearingId: string;
                                    court: string;
                                    chamber: string;
                                    /** @description An instant, ISO 8601 */
                                    startsAt: string;
                                    accompanimentPlanned: boolean;
                                    /** @enum {string} */
                                    status: "scheduled" | "held" | "cancelled";
                                };
                            };
                            /** @description By judgment id */
                            judgments: {
                                [key: string]: {
                                    judgmentId: string;
                                    court: string;
                                    /** @description A calendar date, YYYY-MM-DD */
                                    on: string;
                                    final: boolean;
                                    /** @description A calendar date, YYYY-MM-DD */
                                    finalOn?: string;
                                    civilParty: boolean;
                                    awardCents?: number;
                                    onAppealOf?: string;
                                    appealed: boolean;
                                };
                            };
                        };
                        compensation: {
                            civi?: {
                                deadline: {
                                    /** @description A calendar date, YYYY-MM-DD */
                                    closesOn: string;
                                    /** @description A calendar date, YYYY-MM-DD */
                                    opensOn?: string;
                                    basis: {
                                        /** @enum {string} */
                                        code: "civi-eligibility" | "civi-deadline" | "civi-deadline-prosecution" | "civi-relief" | "minor-suspension" | "sarvi-eligibility" | "sarvi-deadline" | "sarvi-relief" | "sarvi-advance" | "evvi" | "evvi-procedure";
                                        reference: string;
                                    }[];
                                };
                                /** @description A calendar date, YYYY-MM-DD */
                                claimedOn?: string;
                                waived?: boolean;
                            };
                            sarvi?: {
                                deadline: {
                                    /** @description A calendar date, YYYY-MM-DD */
                                    closesOn: string;
                                    /** @description A calendar date, YYYY-MM-DD */
                                    opensOn?: string;
                                    basis: {
                                        /** @enum {string} */
                                        code: "civi-eligibility" | "civi-deadline" | "civi-deadline-prosecution" | "civi-relief" | "minor-suspension" | "sarvi-eligibility" | "sarvi-deadline" | "sarvi-relief" | "sarvi-advance" | "evvi" | "evvi-procedure";
                                        reference: string;
                                    }[];
                                };
                                /** @description A calendar date, YYYY-MM-DD */
                                claimedOn?: string;
                                waived?: boolean;
                            };
                        };
                        tasks: {
                            /** @description By task id */
                            tasks: {
                                [key: string]: {
                                    taskId: string;
                                    /** @enum {string} */
                                    kind: "accompany-hearing" | "prepare-hearing" | "file-civi-claim" | "file-sarvi-claim" | "review-compensation" | "submit-evvi" | "call-back" | "other";
                                    /** @description An instant, ISO 8601 */
                                    dueAt: string;
                                    assigneeId?: string;
                                    source?: {
                                        /** @enum {string} */
                                        kind: "hearing";
                                        hearingId: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "compensation";
                                        /** @enum {string} */
                                        scheme: "civi" | "sarvi";
                                    } | {
                                        /** @enum {string} */
                                        kind: "evvi";
                                        requestId: string;
                                    };
                                    /** @enum {string} */
                                    status: "open" | "done" | "cancelled";
                                };
                            };
                            /** @description By appointment id */
                            appointments: {
                                [key: string]: {
                                    appointmentId: string;
                                    /** @description An instant, ISO 8601 */
                                    startsAt: string;
                                    durationMinutes: number;
                                    /** @enum {string} */
                                    channel: "in-person" | "phone" | "video" | "home-visit";
                                    staffId: string;
                                    /** @enum {string} */
                                    status: "scheduled" | "held" | "missed" | "cancelled";
                                };
                            };
                            /** @description Reminders sent, each `kind:id@dueAt-leadHours` */
                            reminders: string[];
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
    getFilesByFileIdForMediation: {
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
                        associationId: string;
                        officeId: string;
                        /** @enum {string} */
                        status: "open" | "closure-requested" | "closed" | "transferred";
                        /** @enum {string} */
                        offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                        victim: {
                            lastName?: string;
                            firstName?: string;
                            phone?: string;
                            email?: string;
                            thirdParty?: string;
                            safeHours?: string;
                        } | null;
                        safeContact: {
                            rules: {
                                safeNumber: boolean;
                                safeHours: boolean;
                                noVoicemail: boolean;
                                throughThirdParty: boolean;
                                windows?: {
                                    days: number[];
                                    from: string;
                                    to: string;
                                }[];
                            };
                            timeZone: string;
                            /** @enum {string} */
                            number: "safe" | "other" | "third-party";
                        };
                        procedure: {
                            complaint?: {
                                /** @description A calendar date, YYYY-MM-DD */
                                filedOn: string;
                                /** @enum {string} */
                                with: "police" | "gendarmerie" | "prosecutor" | "investigating-judge";
                                /** @description A calendar date, YYYY-MM-DD */
                                offenceOn?: string;
                                reference?: string;
                            };
                            prosecution?: {
                                /** @enum {string} */
                                decision: "prosecution" | "judicial-investigation" | "alternative-measure" | "dismissal";
                                /** @description A calendar date, YYYY-MM-DD */
                                decidedOn: string;
                                court?: string;
                            };
                        };
                        mediation: {
                            mediationRequestId: string;
                            open: boolean;
                            court?: string;
                            prosecutorOffice?: string;
                            /** @enum {string} */
                            outcome?: "agreement" | "failure" | "declined-by-prosecutor" | "returned-to-prosecutor";
                        } | null;
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
    postFilesByFileIdAssign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    caseworkerId: string;
                    force?: boolean;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdClosure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "support-completed" | "unreachable" | "declined-by-victim" | "deceased" | "other";
                    details?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdClosureApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
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
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdClosureRefuse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdReopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdMediationRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    victimConsents: boolean;
                    court?: string;
                    prosecutorOffice?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    getOfficesByOfficeIdRoster: {
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
                        staff: {
                            staffId: string;
                            /** @enum {string} */
                            role: "jurist" | "psychologist" | "social-worker" | "volunteer" | "office-manager" | "other";
                            capacity: number;
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
    putOfficesByOfficeIdRosterByStaffId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                officeId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "jurist" | "psychologist" | "social-worker" | "volunteer" | "office-manager" | "other";
                    capacity: number;
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
                        officeId: string;
                        staff: {
                            staffId: string;
                            /** @enum {string} */
                            role: "jurist" | "psychologist" | "social-worker" | "volunteer" | "office-manager" | "other";
                            capacity: number;
                        }[];
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
    postOfficesByOfficeIdRosterByStaffIdRemove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                officeId: string;
                staffId: string;
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
                        staff: {
                            staffId: string;
                            /** @enum {string} */
                            role: "jurist" | "psychologist" | "social-worker" | "volunteer" | "office-manager" | "other";
                            capacity: number;
                        }[];
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
    getOfficesByOfficeIdCaseload: {
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
                        caseworkers: {
                            staffId: string;
                            role: ("jurist" | "psychologist" | "social-worker" | "volunteer" | "office-manager" | "other") | null;
                            capacity: number | null;
                            openFiles: number;
                            overCapacity: boolean;
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
    postFilesByFileIdActions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "legal-information" | "psychological-support" | "social-support" | "hearing-accompaniment" | "civil-party-claim" | "compensation-file" | "orientation" | "other";
                    /**
                     * Format: date-time
                     * @description When it took place
                     */
                    on: string;
                    durationMinutes: number;
                    /** @enum {string} */
                    channel: "in-person" | "phone" | "video" | "home-visit";
                    staffIds: string[];
                    note?: string;
                    /** @enum {string} */
                    scheme?: "civi" | "sarvi";
                    /** @enum {string} */
                    orientedTo?: "lawyer" | "health-service" | "social-services" | "another-association" | "other";
                    hearingId?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdSafeContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    safeNumber: boolean;
                    safeHours: boolean;
                    noVoicemail: boolean;
                    throughThirdParty: boolean;
                    windows?: {
                        days: number[];
                        from: string;
                        to: string;
                    }[];
                    timeZone?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdContactAttempts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "phone" | "sms" | "video";
                    /** @enum {string} */
                    number: "safe" | "other" | "third-party";
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdContactAttemptsByAttemptIdEnd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answered: boolean;
                    voicemailLeft: boolean;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    getFilesByFileIdMayCallNow: {
        parameters: {
            query?: never;
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
                        allowed: boolean;
                        refusals: ("safe_hours_not_set" | "outside_safe_hours")[];
                        /** @enum {string} */
                        number: "safe" | "other" | "third-party";
                        voicemailAllowed: boolean;
                        localTime: string;
                        timeZone: string;
                        /** @description An instant, ISO 8601 */
                        nextWindowAt?: string;
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
    postFilesByFileIdEvviRequests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    requestedBy: "prosecutor" | "investigating-judge";
                    /** Format: date */
                    dueOn: string;
                    reference?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdEvviVersions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requestId?: string;
                    criteria: {
                        harm: {
                            /** @enum {string} */
                            physical: "none" | "minor" | "serious" | "very-serious";
                            /** @enum {string} */
                            psychological: "none" | "minor" | "serious" | "very-serious";
                            /** @enum {string} */
                            material: "none" | "minor" | "serious" | "very-serious";
                        };
                        circumstances: {
                            discriminatoryMotive: boolean;
                            sexistMotive: boolean;
                            /** @enum {string} */
                            linkWithAuthor: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                        };
                        personal: {
                            minor: boolean;
                            elderly: boolean;
                            pregnancy: boolean;
                            disability: boolean;
                        };
                        riskOfIntimidationOrReprisals: boolean;
                        coerciveControl: boolean;
                    };
                    /** @enum {string} */
                    level: "low" | "moderate" | "high" | "very-high";
                    measures: ("serious-danger-phone" | "anti-approach-bracelet" | "protection-order" | "no-contact-order" | "eviction-of-author" | "shelter" | "closed-door-hearing" | "no-confrontation" | "recorded-hearing" | "interpreter" | "support-person-at-hearings" | "psychological-care" | "specialised-association")[];
                    opinion: string;
                    newFacts?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    getFilesByFileIdEvviVersionsByVersionOpinionPdf: {
        parameters: {
            query: {
                purpose: string;
            };
            header?: never;
            path: {
                fileId: string;
                version: number;
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
    postFilesByFileIdComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    filedOn: string;
                    /** @enum {string} */
                    with: "police" | "gendarmerie" | "prosecutor" | "investigating-judge";
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    offenceOn?: string;
                    reference?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdProsecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "prosecution" | "judicial-investigation" | "alternative-measure" | "dismissal";
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    decidedOn: string;
                    court?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdHearings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    court: string;
                    chamber: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    startsAt: string;
                    accompanimentPlanned: boolean;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdHearingsByHearingIdReschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                hearingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    startsAt: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdHearingsByHearingIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                hearingId: string;
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
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdHearingsByHearingIdHeld: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                hearingId: string;
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
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdJudgments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    court: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    on: string;
                    final: boolean;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    finalOn?: string;
                    civilParty: boolean;
                    awardCents?: number;
                    onAppealOf?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdJudgmentsByJudgmentIdFinal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                judgmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    finalOn: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdJudgmentsByJudgmentIdAppeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                judgmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    party: "victim" | "defendant" | "prosecutor";
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    on: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdCompensationBySchemeTrack: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                scheme: "civi" | "sarvi";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    majorityOn?: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    civiRefusalNotifiedOn?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdCompensationBySchemeClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                scheme: "civi" | "sarvi";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD
                     */
                    filedOn: string;
                    /** @enum {string} */
                    relief?: "unable-to-act-in-time" | "harm-aggravated" | "other-legitimate-reason";
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdCompensationBySchemeWaive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                scheme: "civi" | "sarvi";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "victim-declined" | "not-eligible" | "paid-by-author";
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdTasks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "accompany-hearing" | "prepare-hearing" | "file-civi-claim" | "file-sarvi-claim" | "review-compensation" | "submit-evvi" | "call-back" | "other";
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    dueAt: string;
                    assigneeId?: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdTasksByTaskIdReschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    dueAt: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdTasksByTaskIdComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                taskId: string;
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
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdTasksByTaskIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                taskId: string;
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
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdAppointments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    startsAt: string;
                    durationMinutes: number;
                    /** @enum {string} */
                    channel: "in-person" | "phone" | "video" | "home-visit";
                    staffId: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdAppointmentsByAppointmentIdReschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description RFC 3339
                     */
                    startsAt: string;
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    postFilesByFileIdAppointmentsByAppointmentIdEnd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                fileId: string;
                appointmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "held" | "missed" | "cancelled";
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
                        fileId: string;
                        status: string;
                        events: string[];
                        id?: string;
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
    getOfficesByOfficeIdOverdue: {
        parameters: {
            query: {
                limit: number;
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
                            taskId: string;
                            fileId: string;
                            officeId: string;
                            kind: string;
                            dueAt: string;
                            assigneeId: string | null;
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
    getCaseworkersByStaffIdOverdue: {
        parameters: {
            query: {
                limit: number;
            };
            header?: never;
            path: {
                staffId: string;
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
                            taskId: string;
                            fileId: string;
                            officeId: string;
                            kind: string;
                            dueAt: string;
                            assigneeId: string | null;
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
}
