// Generated from services/web/openapi/intake.json by src/openapi/write.ts: do not edit.
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
    "/intakes/helpline-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a 116 006 call (anonymous allowed)
         * @description Record a 116 006 call (anonymous allowed)
         */
        post: operations["postIntakesHelplineCalls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/walk-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a walk-in at a welcome office
         * @description Record a walk-in at a welcome office
         */
        post: operations["postIntakesWalkIns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/requisitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a prosecutor's requisition (CPP art. 41)
         * @description Record a prosecutor's requisition (CPP art. 41)
         */
        post: operations["postIntakesRequisitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/partner-intakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an employee attacked at work, under a partner agreement
         * @description Record an employee attacked at work, under a partner agreement
         */
        post: operations["postIntakesPartnerIntakes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the victim’s consent given later
         * @description Record the victim’s consent given later
         */
        post: operations["postIntakesByIntakeIdConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/consent-override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Override the absence of consent, with a reason (recorded with its actor)
         * @description Override the absence of consent, with a reason (recorded with its actor)
         */
        post: operations["postIntakesByIntakeIdConsentOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/ready-for-orientation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Orient an intake that was waiting (e.g. for a callback); 422 names what is missing
         * @description Orient an intake that was waiting (e.g. for a callback); 422 names what is missing
         */
        post: operations["postIntakesByIntakeIdReadyForOrientation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/profile-corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct profile facts (residence, offence, needs, urgency…) before orientation; ready when that completes it
         * @description Correct profile facts (residence, offence, needs, urgency…) before orientation; ready when that completes it
         */
        post: operations["postIntakesByIntakeIdProfileCorrections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge this intake (a duplicate) into another; never done automatically
         * @description Merge this intake (a duplicate) into another; never done automatically
         */
        post: operations["postIntakesByIntakeIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase the victim's personal data (right to erasure): their key is deleted, every copy becomes unreadable, counts stay
         * @description Erase the victim's personal data (right to erasure): their key is deleted, every copy becomes unreadable, counts stay
         */
        post: operations["postIntakesByIntakeIdErasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List intakes (no identity): search by id, dates, status, offence, channel, or a name via its match key
         * @description List intakes (no identity): search by id, dates, status, offence, channel, or a name via its match key
         */
        get: operations["getIntakes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an intake with its personal data (each read is written to the access log)
         * @description Read an intake with its personal data (each read is written to the access log)
         */
        get: operations["getIntakesByIntakeId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who read this intake, when and why
         * @description Who read this intake, when and why
         */
        get: operations["getIntakesByIntakeIdAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The callback queue: by urgency, then due time
         * @description The callback queue: by urgency, then due time
         */
        get: operations["getCallbacks"];
        put?: never;
        /**
         * Queue a callback (missed call, voicemail, e-mail); due by urgency unless given
         * @description Queue a callback (missed call, voicemail, e-mail); due by urgency unless given
         */
        post: operations["postCallbacks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks/{taskId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a callback task
         * @description Complete a callback task
         */
        post: operations["postCallbacksByTaskIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intakes/{intakeId}/possible-duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Other intakes that may be the same person (minimal view)
         * @description Other intakes that may be the same person (minimal view)
         */
        get: operations["getIntakesByIntakeIdPossibleDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups of possible duplicates (minimal view), newest first
         * @description Groups of possible duplicates (minimal view), newest first
         */
        get: operations["getDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mass-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mass-casualty events: open ones first, then the most recent
         * @description The mass-casualty events: open ones first, then the most recent
         */
        get: operations["getMassEvents"];
        put?: never;
        /**
         * Record a mass-casualty event
         * @description Record a mass-casualty event
         */
        post: operations["postMassEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mass-events/{massEventId}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a victim list (text/csv); answers 202, progress at the Location
         * @description Columns: last_name, first_name, postcode (required), birth_date, phone, email, address, commune_code, country, offence_category, needs (a|b), vulnerabilities, urgency, consent_services, consent_sharing, no_voicemail. Good rows are kept; bad rows are listed with their line and column.
         */
        post: operations["postMassEventsByMassEventIdImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mass-events/{massEventId}/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress and per-row errors of an import
         * @description Progress and per-row errors of an import
         */
        get: operations["getMassEventsByMassEventIdImportsByImportId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find communes by name or postcode (the official geography), the most populated first
         * @description Find communes by name or postcode (the official geography), the most populated first
         */
        get: operations["getCommunes"];
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
    postIntakesHelplineCalls: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    profile: {
                        residence: {
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            postcode?: string;
                            /** @description INSEE code */
                            communeCode?: string;
                        };
                        /** @enum {string} */
                        ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                        /** @enum {string} */
                        offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                        /**
                         * @description The victim's link with the presumed author; partner or former-partner for couple-violence
                         * @enum {string}
                         */
                        authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                        needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                        vulnerabilities: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "immediate";
                        safeContact: {
                            safeNumber: boolean;
                            safeHours: boolean;
                            noVoicemail: boolean;
                            throughThirdParty: boolean;
                        };
                        consent: {
                            services: boolean;
                            sharing: boolean;
                        };
                    };
                    /** @description Personal data: encrypted before it is stored */
                    personal?: {
                        identity?: {
                            lastName: string;
                            firstName: string;
                            birthName?: string;
                        };
                        /** Format: date */
                        birthDate?: string;
                        contact?: {
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            safeNumber?: string;
                            safeHours?: string;
                            thirdParty?: string;
                        };
                        address?: {
                            lines: string[];
                            city?: string;
                        };
                        caller?: {
                            relationship: string;
                            name?: string;
                            phone?: string;
                        };
                        narrative?: string;
                    };
                    /** @enum {string} */
                    caller: "victim" | "relative";
                    /** @enum {string} */
                    outcome: "information-given" | "orientation" | "callback-needed";
                    anonymous: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postIntakesWalkIns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    profile: {
                        residence: {
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            postcode?: string;
                            /** @description INSEE code */
                            communeCode?: string;
                        };
                        /** @enum {string} */
                        ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                        /** @enum {string} */
                        offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                        /**
                         * @description The victim's link with the presumed author; partner or former-partner for couple-violence
                         * @enum {string}
                         */
                        authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                        needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                        vulnerabilities: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "immediate";
                        safeContact: {
                            safeNumber: boolean;
                            safeHours: boolean;
                            noVoicemail: boolean;
                            throughThirdParty: boolean;
                        };
                        consent: {
                            services: boolean;
                            sharing: boolean;
                        };
                    };
                    /** @description Personal data: encrypted before it is stored */
                    personal?: {
                        identity?: {
                            lastName: string;
                            firstName: string;
                            birthName?: string;
                        };
                        /** Format: date */
                        birthDate?: string;
                        contact?: {
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            safeNumber?: string;
                            safeHours?: string;
                            thirdParty?: string;
                        };
                        address?: {
                            lines: string[];
                            city?: string;
                        };
                        caller?: {
                            relationship: string;
                            name?: string;
                            phone?: string;
                        };
                        narrative?: string;
                    };
                    officeId: string;
                    /** @enum {string} */
                    officeType: "court-victim-office" | "police-station" | "gendarmerie" | "hospital" | "city-hall" | "legal-advice-centre";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postIntakesRequisitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    profile: {
                        residence: {
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            postcode?: string;
                            /** @description INSEE code */
                            communeCode?: string;
                        };
                        /** @enum {string} */
                        ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                        /** @enum {string} */
                        offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                        /**
                         * @description The victim's link with the presumed author; partner or former-partner for couple-violence
                         * @enum {string}
                         */
                        authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                        needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                        vulnerabilities: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "immediate";
                        safeContact: {
                            safeNumber: boolean;
                            safeHours: boolean;
                            noVoicemail: boolean;
                            throughThirdParty: boolean;
                        };
                        consent: {
                            services: boolean;
                            sharing: boolean;
                        };
                    };
                    /** @description Personal data: encrypted before it is stored */
                    personal?: {
                        identity?: {
                            lastName: string;
                            firstName: string;
                            birthName?: string;
                        };
                        /** Format: date */
                        birthDate?: string;
                        contact?: {
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            safeNumber?: string;
                            safeHours?: string;
                            thirdParty?: string;
                        };
                        address?: {
                            lines: string[];
                            city?: string;
                        };
                        caller?: {
                            relationship: string;
                            name?: string;
                            phone?: string;
                        };
                        narrative?: string;
                    };
                    prosecutorReference: string;
                    court: string;
                    /** Format: date */
                    dueDate: string;
                    evviRequested: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postIntakesPartnerIntakes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    profile: {
                        residence: {
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            postcode?: string;
                            /** @description INSEE code */
                            communeCode?: string;
                        };
                        /** @enum {string} */
                        ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                        /** @enum {string} */
                        offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                        /**
                         * @description The victim's link with the presumed author; partner or former-partner for couple-violence
                         * @enum {string}
                         */
                        authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                        needs: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                        vulnerabilities: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "immediate";
                        safeContact: {
                            safeNumber: boolean;
                            safeHours: boolean;
                            noVoicemail: boolean;
                            throughThirdParty: boolean;
                        };
                        consent: {
                            services: boolean;
                            sharing: boolean;
                        };
                    };
                    /** @description Personal data: encrypted before it is stored */
                    personal?: {
                        identity?: {
                            lastName: string;
                            firstName: string;
                            birthName?: string;
                        };
                        /** Format: date */
                        birthDate?: string;
                        contact?: {
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            safeNumber?: string;
                            safeHours?: string;
                            thirdParty?: string;
                        };
                        address?: {
                            lines: string[];
                            city?: string;
                        };
                        caller?: {
                            relationship: string;
                            name?: string;
                            phone?: string;
                        };
                        narrative?: string;
                    };
                    agreementId: string;
                    employer: string;
                    attackedAtWork: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postIntakesByIntakeIdConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    services: boolean;
                    sharing: boolean;
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    postIntakesByIntakeIdConsentOverride: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    postIntakesByIntakeIdReadyForOrientation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    postIntakesByIntakeIdProfileCorrections: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    residence?: {
                        /** @description ISO 3166-1 alpha-2 */
                        countryCode: string;
                        postcode?: string;
                        /** @description INSEE code */
                        communeCode?: string;
                    };
                    /** @enum {string} */
                    ageBand?: "under-18" | "18-29" | "30-44" | "45-59" | "60-74" | "75-plus";
                    /** @enum {string} */
                    offenceCategory?: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                    /**
                     * @description The victim's link with the presumed author; partner or former-partner for couple-violence
                     * @enum {string}
                     */
                    authorLink?: "unknown" | "stranger" | "acquaintance" | "professional" | "family" | "partner" | "former-partner";
                    needs?: ("legal-information" | "psychological-support" | "social-support" | "accompaniment" | "compensation")[];
                    vulnerabilities?: ("minor" | "elderly" | "disability" | "pregnancy" | "isolation" | "economic-dependency" | "language-barrier" | "repeat-victimisation" | "lives-with-author")[];
                    /** @enum {string} */
                    urgency?: "low" | "normal" | "high" | "immediate";
                    safeContact?: {
                        safeNumber: boolean;
                        safeHours: boolean;
                        noVoicemail: boolean;
                        throughThirdParty: boolean;
                    };
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    postIntakesByIntakeIdMerge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    into: string;
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    postIntakesByIntakeIdErasure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                intakeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The request and its basis */
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
                        intakeId: string;
                        caseId: string;
                        status: string;
                        events: string[];
                        /** @description What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise */
                        missingForOrientation: string[];
                        /** @description The communes sharing the postcode given without a commune code: one to choose (then correct the residence) */
                        communeCandidates?: {
                            code: string;
                            name: string;
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
    getIntakes: {
        parameters: {
            query: {
                intakeId?: string;
                from?: string;
                to?: string;
                status?: "open" | "ready" | "merged";
                offenceCategory?: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                channel?: "helpline" | "walk-in" | "requisition" | "partner" | "mass-event";
                /** @description Only the intakes meant to be oriented (not a helpline call closed with a callback or information only) */
                awaiting?: "orientation";
                lastName?: string;
                firstName?: string;
                birthDate?: string;
                communeCode?: string;
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
                            intakeId: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "helpline" | "walk-in" | "requisition" | "partner" | "mass-event";
                            status: string;
                            offenceCategory: string;
                            urgency: string;
                            officeId: string | null;
                            associationId: string | null;
                            massEventId: string | null;
                            recordedAt: string;
                            possibleDuplicates: number;
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
    getIntakesByIntakeId: {
        parameters: {
            query: {
                purpose: string;
            };
            header?: never;
            path: {
                intakeId: string;
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
    getIntakesByIntakeIdAccessLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                intakeId: string;
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
    getCallbacks: {
        parameters: {
            query: {
                /** @description open by default */
                status?: "open" | "completed";
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
                            taskId: string;
                            source: string;
                            intakeId: string | null;
                            urgency: string;
                            dueAt: string;
                            status: string;
                            requestedAt: string;
                            completedAt: string | null;
                            outcome: string | null;
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
    postCallbacks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    source: "missed-call" | "voicemail" | "email";
                    /** @enum {string} */
                    urgency: "low" | "normal" | "high" | "immediate";
                    /** Format: date-time */
                    dueAt?: string;
                    /** Format: uuid */
                    intakeId?: string;
                    contact?: {
                        phone?: string;
                        /** Format: email */
                        email?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        taskId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postCallbacksByTaskIdComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "reached" | "unreachable" | "cancelled";
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
                        taskId: string;
                        status: string;
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
    getIntakesByIntakeIdPossibleDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                intakeId: string;
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
                            intakeId: string;
                            channel: string;
                            recordedAt: string;
                            officeId: string | null;
                            status: string;
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
    getDuplicates: {
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
                        groups: {
                            intakes: {
                                intakeId: string;
                                channel: string;
                                recordedAt: string;
                                officeId: string | null;
                                status: string;
                            }[];
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
    getMassEvents: {
        parameters: {
            query: {
                status?: "open" | "closed";
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
                        total: number;
                        items: {
                            massEventId: string;
                            name: string;
                            /** @enum {string} */
                            kind: "terrorist-attack" | "collective-accident" | "natural-disaster" | "other";
                            /** Format: date */
                            occurredOn: string;
                            communeCode: string | null;
                            /** @enum {string} */
                            offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                            /** @enum {string} */
                            status: "open" | "closed";
                            /** Format: date-time */
                            recordedAt: string;
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
    postMassEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true` */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "terrorist-attack" | "collective-accident" | "natural-disaster" | "other";
                    /** Format: date */
                    occurredOn: string;
                    communeCode?: string;
                    /** @enum {string} */
                    offenceCategory: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        massEventId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postMassEventsByMassEventIdImports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                massEventId: string;
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
                        importId: string;
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
    getMassEventsByMassEventIdImportsByImportId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                massEventId: string;
                importId: string;
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
                        importId: string;
                        massEventId: string;
                        status: string;
                        total: number | null;
                        done: number;
                        imported: number;
                        failed: number;
                        errors: {
                            row: number;
                            field: string;
                            message: string;
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
    getCommunes: {
        parameters: {
            query: {
                /** @description A name (accents aside) or the start of a postcode */
                q: string;
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
                            /** @description INSEE code */
                            code: string;
                            name: string;
                            postcodes: string[];
                            departement: string;
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
}
