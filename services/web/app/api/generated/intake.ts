// Generated from services/web/openapi/intake.json by src/openapi/write.ts: do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
            };
        };
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
        get: {
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
        /** Record a 116 006 call (anonymous allowed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Record a walk-in at a welcome office */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Record a prosecutor's requisition (CPP art. 41) */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Record an employee attacked at work, under a partner agreement */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Record the victim’s consent given later */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Override the absence of consent, with a reason (recorded with its actor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Orient an intake that was waiting (e.g. for a callback); 422 names what is missing */
        post: {
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
                            intakeId: string;
                            caseId: string;
                            status: string;
                            events: string[];
                        };
                    };
                };
            };
        };
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
        /** Merge this intake (a duplicate) into another; never done automatically */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** Erase the victim's personal data (right to erasure): their key is deleted, every copy becomes unreadable, counts stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        };
                    };
                };
            };
        };
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
        /** List intakes (no identity): search by id, dates, status, offence, channel, or a name via its match key */
        get: {
            parameters: {
                query: {
                    intakeId?: string;
                    from?: string;
                    to?: string;
                    status?: "open" | "ready" | "merged";
                    offenceCategory?: "physical-violence" | "sexual-violence" | "couple-violence" | "intra-family-violence" | "robbery-theft" | "burglary" | "fraud-scam" | "road-accident" | "terrorism" | "harassment" | "discrimination" | "relative-homicide" | "other";
                    channel?: "helpline" | "walk-in" | "requisition" | "partner" | "mass-event";
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
            };
        };
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
        /** Read an intake with its personal data (each read is written to the access log) */
        get: {
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
            };
        };
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
        /** Who read this intake, when and why */
        get: {
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
            };
        };
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
        /** The callback queue: by urgency, then due time */
        get: {
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
            };
        };
        put?: never;
        /** Queue a callback (missed call, voicemail, e-mail); due by urgency unless given */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
            };
        };
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
        /** Complete a callback task */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
            };
        };
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
        /** Other intakes that may be the same person (minimal view) */
        get: {
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
            };
        };
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
        /** Groups of possible duplicates (minimal view), newest first */
        get: {
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
            };
        };
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
        get?: never;
        put?: never;
        /** Record a mass-casualty event */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
            };
        };
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
        post: {
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
            };
        };
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
        /** Progress and per-row errors of an import */
        get: {
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
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
