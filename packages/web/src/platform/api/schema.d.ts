/**
 * Generated from the server's OpenAPI document by `npm run api:generate -w @signx/web`.
 * Do not edit: a test (packages/web/test/api-schema.test.ts) fails when it is out of date.
 */
export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Keys within the caller’s data scope (own keys, or those of users it administers).
         *
         *     Requires permission `identity.api_key.read`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Sort field, '-' for descending: created_at, name */
                    sort: "created_at" | "-created_at" | "name" | "-name";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    created_at: string;
                                    expires_at: string | null;
                                    id: string;
                                    last_used_at: string | null;
                                    /** @description What the integration is */
                                    name: string;
                                    /** @description The key acts for this user, never beyond its permissions */
                                    owner_user_id: string;
                                    permissions: string[];
                                    /** @description First characters of the key, to recognise it */
                                    prefix: string;
                                    revoked_at: string | null;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key (shown once)
         * @description Requires permission `identity.api_key.create`.
         */
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
                        /** @description Days until the key expires (default: never) */
                        expires_in_days?: number;
                        /**
                         * Format: display-name
                         * @description What the integration is (no control or bidirectional-override characters)
                         */
                        name: string;
                        /** @description Permissions the key may use (you must hold them) */
                        permissions: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                expires_at: string | null;
                                id: string;
                                /** @description The key, shown ONCE; send it as X-API-Key */
                                key: string;
                                last_used_at: string | null;
                                /** @description What the integration is */
                                name: string;
                                /** @description The key acts for this user, never beyond its permissions */
                                owner_user_id: string;
                                permissions: string[];
                                /** @description First characters of the key, to recognise it */
                                prefix: string;
                                revoked_at: string | null;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Requires permission `identity.api_key.revoke`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description API key id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                expires_at: string | null;
                                id: string;
                                last_used_at: string | null;
                                /** @description What the integration is */
                                name: string;
                                /** @description The key acts for this user, never beyond its permissions */
                                owner_user_id: string;
                                permissions: string[];
                                /** @description First characters of the key, to recognise it */
                                prefix: string;
                                revoked_at: string | null;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export matching events as an evidence bundle
         * @description Domain errors:
         *     - `40931` AUDIT_LOG_BROKEN: The audit log does not verify, so nothing new is signed or proven over it (details: chain, seq)
         *     - `40932` AUDIT_LOG_EMPTY: The chain has no signed events to prove yet
         *
         *     Requires permission `audit.export` (Export audit events and compliance reports).
         */
        get: {
            parameters: {
                query: {
                    /** @description Action, exact ('identity.user.created') or a prefix ending in '*' ('identity.*') */
                    action?: string;
                    /** @description Actor id or name (exact) */
                    actor?: string;
                    /** @description Chain: 'main' (business events) or 'http' (request log) */
                    chain?: "main" | "http";
                    /** @description Entity id */
                    entity_id?: string;
                    /** @description Entity type, e.g. user */
                    entity_type?: string;
                    /** @description Events at or after this time (ISO-8601) */
                    from?: string;
                    /** @description Client IP as the server saw it */
                    ip?: string;
                    /** @description Most events to export */
                    limit: number;
                    /** @description Outcome */
                    result?: "success" | "failure";
                    /** @description Events before this time (ISO-8601) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Evidence bundle (format signx-audit-bundle/2): events, inclusion proofs, checkpoints, public key, signed selection */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a checkpoint of every chain with new events
         * @description Domain errors:
         *     - `40931` AUDIT_LOG_BROKEN: The audit log does not verify, so nothing new is signed or proven over it (details: chain, seq)
         *
         *     Requires permission `audit.verify` (Verify the integrity of the audit log).
         */
        post: {
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Chain */
                                chain: string;
                                /** @description When it was signed */
                                created_at: string;
                                /** @description Signing key id */
                                key_id: string;
                                /** @description Merkle root (hex) */
                                root_hash: string;
                                /** @description Ed25519 signature (base64) over the canonical statement */
                                signature: string;
                                /** @description Events covered */
                                tree_size: number;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Requires permission `audit.event.read` (Read the audit trail).
         */
        get: {
            parameters: {
                query: {
                    /** @description Action, exact ('identity.user.created') or a prefix ending in '*' ('identity.*') */
                    action?: string;
                    /** @description Actor id or name (exact) */
                    actor?: string;
                    /** @description Chain: 'main' (business events) or 'http' (request log) */
                    chain?: "main" | "http";
                    /** @description Entity id */
                    entity_id?: string;
                    /** @description Entity type, e.g. user */
                    entity_type?: string;
                    /** @description Events at or after this time (ISO-8601) */
                    from?: string;
                    /** @description Client IP as the server saw it */
                    ip?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Outcome */
                    result?: "success" | "failure";
                    /** @description Sort field, '-' for descending: occurred_at, seq */
                    sort: "occurred_at" | "-occurred_at" | "seq" | "-seq";
                    /** @description Events before this time (ISO-8601) */
                    to?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description Catalogue action */
                                    action: string;
                                    /** @description What the action means */
                                    action_description: string | null;
                                    actor: {
                                        /** @description How the actor authenticated */
                                        auth_method: string | null;
                                        /** @description User / API key id, or job name */
                                        id: string | null;
                                        /** @description Client IP as the server saw it */
                                        ip: string | null;
                                        /** @description Username, key name or system:<job> */
                                        name: string;
                                        /** @description Whom the actor acted for */
                                        on_behalf_of: string | null;
                                        /** @description Originating request id */
                                        request_id: string | null;
                                        /** @description user, api_key, system or anonymous */
                                        type: string;
                                        /** @description Client user agent */
                                        user_agent: string | null;
                                    };
                                    /** @description Application version that recorded it */
                                    app_version: string;
                                    /** @description Chain the event belongs to */
                                    chain: string;
                                    /** @description Changed fields: {field: {before, after}} */
                                    changes: {
                                        [key: string]: unknown;
                                    } | null;
                                    /** @description Further details */
                                    details: {
                                        [key: string]: unknown;
                                    } | null;
                                    /** @description Readable diff, one line per field */
                                    diff: string | null;
                                    /** @description Id of the changed entity */
                                    entity_id: string | null;
                                    /** @description Type of the changed entity */
                                    entity_type: string;
                                    /** @description Event id (UUIDv7) */
                                    id: string;
                                    /** @description RFC 6962 leaf hash of this event (hex) */
                                    leaf_hash: string;
                                    /** @description Signature meaning */
                                    meaning: string | null;
                                    /** @description Server time (UTC, ms) */
                                    occurred_at: string;
                                    /** @description Leaf hash of the previous event (hex) */
                                    prev_hash: string;
                                    /** @description Reason given */
                                    reason: string | null;
                                    /** @description success or failure */
                                    result: string;
                                    /** @description Position in the chain, from 1, without gaps */
                                    seq: number;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/events/{id}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prove one event (evidence bundle over the latest signed checkpoint)
         * @description Domain errors:
         *     - `40931` AUDIT_LOG_BROKEN: The audit log does not verify, so nothing new is signed or proven over it (details: chain, seq)
         *     - `40932` AUDIT_LOG_EMPTY: The chain has no signed events to prove yet
         *
         *     Requires permission `audit.event.read` (Read the audit trail).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Event id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            /** @description Evidence bundle (format signx-audit-bundle/2): events, inclusion proofs, checkpoints, public key, signed selection */
                            data: {
                                [key: string]: unknown;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export matching events as CSV
         * @description Requires permission `audit.export` (Export audit events and compliance reports).
         */
        get: {
            parameters: {
                query: {
                    /** @description Action, exact ('identity.user.created') or a prefix ending in '*' ('identity.*') */
                    action?: string;
                    /** @description Actor id or name (exact) */
                    actor?: string;
                    /** @description Chain: 'main' (business events) or 'http' (request log) */
                    chain?: "main" | "http";
                    /** @description Entity id */
                    entity_id?: string;
                    /** @description Entity type, e.g. user */
                    entity_type?: string;
                    /** @description Events at or after this time (ISO-8601) */
                    from?: string;
                    /** @description Client IP as the server saw it */
                    ip?: string;
                    /** @description Most events to export */
                    limit: number;
                    /** @description Outcome */
                    result?: "success" | "failure";
                    /** @description Events before this time (ISO-8601) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (RFC 4180, UTF-8 with BOM), one row per event */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a PDF compliance report of matching events
         * @description Domain errors:
         *     - `50331` REPORT_FONTS_MISSING: The PDF report’s fonts are not installed on the server (details: missing_fonts)
         *
         *     Requires permission `audit.export` (Export audit events and compliance reports).
         */
        get: {
            parameters: {
                query: {
                    /** @description Action, exact ('identity.user.created') or a prefix ending in '*' ('identity.*') */
                    action?: string;
                    /** @description Actor id or name (exact) */
                    actor?: string;
                    /** @description Chain: 'main' (business events) or 'http' (request log) */
                    chain?: "main" | "http";
                    /** @description Entity id */
                    entity_id?: string;
                    /** @description Entity type, e.g. user */
                    entity_type?: string;
                    /** @description Events at or after this time (ISO-8601) */
                    from?: string;
                    /** @description Client IP as the server saw it */
                    ip?: string;
                    /** @description Most events to export */
                    limit: number;
                    /** @description Outcome */
                    result?: "success" | "failure";
                    /** @description Events before this time (ISO-8601) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF compliance report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify every chain and checkpoint (the run is audited)
         * @description Requires permission `audit.verify` (Verify the integrity of the audit log).
         */
        post: {
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                chains: {
                                    /** @description Checkpoints found in the external anchor */
                                    anchored_checkpoints: number;
                                    broken: {
                                        /** @description Its id, when it still exists */
                                        id: string | null;
                                        /** @description What is wrong */
                                        problem: string;
                                        /** @description First broken event (0: not tied to one event) */
                                        seq: number;
                                    } | null;
                                    /** @description Chain */
                                    chain: string;
                                    /** @description Checkpoints verified */
                                    checkpoints: number;
                                    /** @description Events verified in order */
                                    events: number;
                                }[];
                                /** @description Events verified */
                                events: number;
                                /** @description True when every chain and checkpoint verified */
                                is_valid: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description Password */
                        password: string;
                        /** @description Username (case-insensitive) */
                        username: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Single-use token for the second step */
                                challenge_token?: string;
                                /** @description When the challenge expires */
                                expires_at?: string;
                                /** @description Second factors this user can use */
                                methods?: string[];
                                /** @description A role requires MFA and no factor is bound yet: only /auth/mfa/bind, /auth/mfa/bind/confirm, /auth/password/change, /me and /auth/logout work until an authenticator is bound */
                                mfa_enrolment_required?: boolean;
                                /** @description Only /auth/password/change, /me and /auth/logout work until it is changed */
                                must_change_password?: boolean;
                                /** @description authenticated: tokens are present; mfa_required: finish with /auth/mfa/verify */
                                status: "authenticated" | "mfa_required";
                                tokens?: {
                                    /** @description JWT for `Authorization: Bearer`; valid ACCESS_TOKEN_MINUTES */
                                    access_token: string;
                                    /** @description Access token lifetime in seconds */
                                    expires_in: number;
                                    /** @description Single-use refresh token; each refresh returns a new one */
                                    refresh_token: string;
                                    /** @description Session id (listed under /sessions) */
                                    session_id: string;
                                    /** @enum {string} */
                                    token_type: "Bearer";
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The operation completed */
                                done: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/logout/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Signs the caller out on every device: all of their sessions end. */
        post: {
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The operation completed */
                                done: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description Your current password */
                        password: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description otpauth:// URI for a QR code */
                                otpauth_uri: string;
                                /** @description Base32 TOTP secret (shown once; enter it in the authenticator) */
                                secret: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/bind/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description A one-time code */
                        code: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Single-use recovery codes, shown once */
                                recovery_codes: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description From the login response */
                        challenge_token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description When the code or link expires */
                                expires_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description A current TOTP code */
                        code: string;
                        /** @description Your current password */
                        password: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Single-use recovery codes, shown once */
                                recovery_codes: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/unbind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description A current TOTP code */
                        code: string;
                        /** @description Your current password */
                        password: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The operation completed */
                                done: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description From the login response */
                        challenge_token: string;
                        /** @description The one-time code */
                        code: string;
                        /** @description totp: authenticator app; email: mailed code; recovery: one of the recovery codes */
                        method: "totp" | "email" | "recovery";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description JWT for `Authorization: Bearer`; valid ACCESS_TOKEN_MINUTES */
                                access_token: string;
                                /** @description Access token lifetime in seconds */
                                expires_in: number;
                                /** @description Single-use refresh token; each refresh returns a new one */
                                refresh_token: string;
                                /** @description Session id (listed under /sessions) */
                                session_id: string;
                                /** @enum {string} */
                                token_type: "Bearer";
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description The current password */
                        current_password: string;
                        /** @description New password: the configured profile (ops: length, upper, lower, digit, special; asvs: length 12+), not breached or common, not containing the username/name/email, not recently used */
                        new_password: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The operation completed */
                                done: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description New password: the configured profile (ops: length, upper, lower, digit, special; asvs: length 12+), not breached or common, not containing the username/name/email, not recently used */
                        new_password: string;
                        /** @description Token from the emailed link */
                        token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The operation completed */
                                done: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/password/reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description Username of the account */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Always true: the answer never reveals whether the account exists */
                                accepted: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description The latest refresh token */
                        refresh_token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description JWT for `Authorization: Bearer`; valid ACCESS_TOKEN_MINUTES */
                                access_token: string;
                                /** @description Access token lifetime in seconds */
                                expires_in: number;
                                /** @description Single-use refresh token; each refresh returns a new one */
                                refresh_token: string;
                                /** @description Session id (listed under /sessions) */
                                session_id: string;
                                /** @enum {string} */
                                token_type: "Bearer";
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        /** @description A one-time code */
                        code?: string;
                        /** @description totp: authenticator app; email: mailed code; recovery: one of the recovery codes */
                        method?: "totp" | "email" | "recovery";
                        /** @description Your current password */
                        password?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description When the proof expires */
                                expires_at: string;
                                /** @description The secrets proven: password, totp, email, recovery */
                                factors: string[];
                                /** @description Single-use proof for the sensitive action (e.g. signing) */
                                proof: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/auth/step-up/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description When the code or link expires */
                                expires_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List departments (tree order)
         * @description Requires permission `identity.department.read`.
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Level in the tree, 1 = top */
                                depth: number;
                                /** @description Head of the department (approvals) */
                                head_user_id: string | null;
                                id: string;
                                /** @description Department name */
                                name: string;
                                /** @description Parent department (null: top level) */
                                parent_id: string | null;
                                updated_at: string;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a department
         * @description Requires permission `identity.department.create`.
         */
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
                        /** @description Head of the department */
                        head_user_id?: string | null;
                        /**
                         * Format: display-name
                         * @description Department name (no control or bidirectional-override characters)
                         */
                        name: string;
                        /** @description Parent department */
                        parent_id?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Level in the tree, 1 = top */
                                depth: number;
                                /** @description Head of the department (approvals) */
                                head_user_id: string | null;
                                id: string;
                                /** @description Department name */
                                name: string;
                                /** @description Parent department (null: top level) */
                                parent_id: string | null;
                                updated_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a department
         * @description Requires permission `identity.department.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Department id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Level in the tree, 1 = top */
                                depth: number;
                                /** @description Head of the department (approvals) */
                                head_user_id: string | null;
                                id: string;
                                /** @description Department name */
                                name: string;
                                /** @description Parent department (null: top level) */
                                parent_id: string | null;
                                updated_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an empty department
         * @description Requires permission `identity.department.delete`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Department id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                deleted: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, move or set the head of a department
         * @description Requires permission `identity.department.update`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Department id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Head of the department */
                        head_user_id?: string | null;
                        /**
                         * Format: display-name
                         * @description Department name (no control or bidirectional-override characters)
                         */
                        name?: string;
                        /** @description Parent department */
                        parent_id?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Level in the tree, 1 = top */
                                depth: number;
                                /** @description Head of the department (approvals) */
                                head_user_id: string | null;
                                id: string;
                                /** @description Department name */
                                name: string;
                                /** @description Parent department (null: top level) */
                                parent_id: string | null;
                                updated_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/document-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List DOCX templates
         * @description Requires permission `doc_templates.template.read` (List templates, their versions and variable schemas).
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Sort field, '-' for descending: created_at, name, updated_at */
                    sort: "created_at" | "-created_at" | "name" | "-name" | "updated_at" | "-updated_at";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description Created at (UTC) */
                                    created_at: string;
                                    /** @description Description */
                                    description: string | null;
                                    /** @description Template id */
                                    id: string;
                                    /** @description Newest version number */
                                    latest_version: number;
                                    /** @description Unique name */
                                    name: string;
                                    /** @description Last version or edit (UTC) */
                                    updated_at: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a DOCX template (multipart: name, description, then the file)
         * @description Its placeholders, loops and conditions become the variable schema of version 1.
         *
         *     Domain errors:
         *     - `40051` TEMPLATE_INVALID: The DOCX is not a usable template (unclosed tag, bad nesting, zip bomb, not a DOCX); details list each problem
         *     - `40951` TEMPLATE_NAME_TAKEN: A template of that name exists
         *
         *     Requires permission `doc_templates.template.manage` (Upload templates and versions, edit variable schemas).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Variable diff against the previous version */
                                changes: {
                                    /** @description What changed from the previous version */
                                    change: "added" | "removed" | "type_changed" | "fields_changed";
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    from?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    /** @description Variable name */
                                    name: string;
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    to?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                }[];
                                template: {
                                    /** @description Created at (UTC) */
                                    created_at: string;
                                    /** @description Description */
                                    description: string | null;
                                    /** @description Template id */
                                    id: string;
                                    /** @description Newest version number */
                                    latest_version: number;
                                    /** @description Unique name */
                                    name: string;
                                    /** @description Last version or edit (UTC) */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description Uploaded at (UTC) */
                                    created_at: string;
                                    /** @description Uploaded file name */
                                    file_name: string;
                                    /** @description What changed, as the uploader said */
                                    note: string | null;
                                    /** @description SHA-256 of the DOCX */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description The variable schema */
                                    variables: {
                                        /** @description The fields of one row of a list */
                                        fields?: {
                                            /** @description What people see in forms and column mappings */
                                            label: string;
                                            /** @description The tag name in the DOCX */
                                            name: string;
                                            /** @description A row without a value is refused */
                                            required: boolean;
                                            /** @description Value used by the sample preview */
                                            sample?: unknown;
                                            /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                            type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                        }[];
                                        /** @description What people see in forms and column mappings */
                                        label: string;
                                        /** @description The tag name in the DOCX */
                                        name: string;
                                        /** @description A row without a value is refused */
                                        required: boolean;
                                        /** @description Value used by the sample preview */
                                        sample?: unknown;
                                        /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                        type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    }[];
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A template with its latest version, variable schema and the diff against the previous version
         * @description Requires permission `doc_templates.template.read` (List templates, their versions and variable schemas).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Variable diff against the previous version */
                                changes: {
                                    /** @description What changed from the previous version */
                                    change: "added" | "removed" | "type_changed" | "fields_changed";
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    from?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    /** @description Variable name */
                                    name: string;
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    to?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                }[];
                                template: {
                                    /** @description Created at (UTC) */
                                    created_at: string;
                                    /** @description Description */
                                    description: string | null;
                                    /** @description Template id */
                                    id: string;
                                    /** @description Newest version number */
                                    latest_version: number;
                                    /** @description Unique name */
                                    name: string;
                                    /** @description Last version or edit (UTC) */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description Uploaded at (UTC) */
                                    created_at: string;
                                    /** @description Uploaded file name */
                                    file_name: string;
                                    /** @description What changed, as the uploader said */
                                    note: string | null;
                                    /** @description SHA-256 of the DOCX */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description The variable schema */
                                    variables: {
                                        /** @description The fields of one row of a list */
                                        fields?: {
                                            /** @description What people see in forms and column mappings */
                                            label: string;
                                            /** @description The tag name in the DOCX */
                                            name: string;
                                            /** @description A row without a value is refused */
                                            required: boolean;
                                            /** @description Value used by the sample preview */
                                            sample?: unknown;
                                            /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                            type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                        }[];
                                        /** @description What people see in forms and column mappings */
                                        label: string;
                                        /** @description The tag name in the DOCX */
                                        name: string;
                                        /** @description A row without a value is refused */
                                        required: boolean;
                                        /** @description Value used by the sample preview */
                                        sample?: unknown;
                                        /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                        type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    }[];
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate one document per row (JSON rows); every row is validated before anything is generated
         * @description Domain errors:
         *     - `40052` TEMPLATE_DATA_INVALID: Rows do not match the variable schema; errors list each row and field. Nothing was generated
         *
         *     Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description File each result on this record type (row entity_id) */
                        entity_type?: string;
                        /**
                         * @description Result format
                         * @default pdf
                         */
                        output: "pdf" | "docx";
                        /** @description One object per document: variable values, optional file_name and entity_id */
                        rows: {
                            [key: string]: unknown;
                        }[];
                        /** @description Fill each row from the record its `source_id` names; values in the row win */
                        source?: {
                            /** @description Entity type of a record data provider (GET /document-templates/record-sources) */
                            entity_type: string;
                            /** @description variable → record field; variables not named take the field of their own name */
                            mapping?: {
                                [key: string]: string;
                            };
                        };
                        /** @description Default: the latest */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Queued at (UTC) */
                                created_at: string;
                                /** @description Rows generated */
                                done: number;
                                /** @description Record type results are filed on */
                                entity_type: string | null;
                                /** @description Rows that failed */
                                failed: number;
                                /** @description Finished at (UTC) */
                                finished_at: string | null;
                                /** @description A ZIP of the results can be downloaded */
                                has_zip: boolean;
                                /** @description Batch id */
                                id: string;
                                /** @description pdf or docx */
                                output: string;
                                /** @description Rows still to do */
                                remaining: number;
                                /** @description Per-row state */
                                rows?: {
                                    /** @description Filed document */
                                    document_id: string | null;
                                    /** @description Record the result is filed on */
                                    entity_id: string | null;
                                    /** @description Why the row failed */
                                    error: string | null;
                                    /** @description Result file name */
                                    file_name: string;
                                    /** @description 1-based row number */
                                    row_index: number;
                                    /** @description pending, done, failed or cancelled */
                                    status: string;
                                }[];
                                /** @description queued, running, completed, cancelled or failed */
                                status: string;
                                /** @description Template */
                                template_id: string;
                                /** @description Template version used */
                                template_version: number;
                                /** @description Rows */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/batches/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate from a CSV or XLSX (multipart: mapping, output, entity_type, version, source_type, source_mapping, then the file)
         * @description The first row names the columns; `mapping` ({"column":"variable"}) overrides matching by name or label. Columns entity_id, file_name and source_id are read too (source_id: the record of `source_type` the row is filled from). Errors list each row and field; nothing is generated then.
         *
         *     Domain errors:
         *     - `40052` TEMPLATE_DATA_INVALID: Rows do not match the variable schema; errors list each row and field. Nothing was generated
         *
         *     Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Queued at (UTC) */
                                created_at: string;
                                /** @description Rows generated */
                                done: number;
                                /** @description Record type results are filed on */
                                entity_type: string | null;
                                /** @description Rows that failed */
                                failed: number;
                                /** @description Finished at (UTC) */
                                finished_at: string | null;
                                /** @description A ZIP of the results can be downloaded */
                                has_zip: boolean;
                                /** @description Batch id */
                                id: string;
                                /** @description pdf or docx */
                                output: string;
                                /** @description Rows still to do */
                                remaining: number;
                                /** @description Per-row state */
                                rows?: {
                                    /** @description Filed document */
                                    document_id: string | null;
                                    /** @description Record the result is filed on */
                                    entity_id: string | null;
                                    /** @description Why the row failed */
                                    error: string | null;
                                    /** @description Result file name */
                                    file_name: string;
                                    /** @description 1-based row number */
                                    row_index: number;
                                    /** @description pending, done, failed or cancelled */
                                    status: string;
                                }[];
                                /** @description queued, running, completed, cancelled or failed */
                                status: string;
                                /** @description Template */
                                template_id: string;
                                /** @description Template version used */
                                template_version: number;
                                /** @description Rows */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview: the template filled with sample (or given) data, or a record’s, as a PDF
         * @description Domain errors:
         *     - `40052` TEMPLATE_DATA_INVALID: Rows do not match the variable schema; errors list each row and field. Nothing was generated
         *     - `40051` TEMPLATE_INVALID: The DOCX is not a usable template (unclosed tag, bad nesting, zip bomb, not a DOCX); details list each problem
         *     - `50351` CONVERSION_FAILED: LibreOffice could not turn the filled document into a PDF (timeout, crash, or converter unavailable)
         *
         *     Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Default: the sample values */
                        data?: {
                            [key: string]: unknown;
                        };
                        /** @description Fill from this record; values in `data` win */
                        source?: {
                            /** @description The record */
                            entity_id: string;
                            /** @description Entity type of a record data provider (GET /document-templates/record-sources) */
                            entity_type: string;
                            /** @description variable → record field; variables not named take the field of their own name */
                            mapping?: {
                                [key: string]: string;
                            };
                        };
                        /** @description Default: the latest */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description The PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of a template, newest first
         * @description Requires permission `doc_templates.template.read` (List templates, their versions and variable schemas).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Uploaded at (UTC) */
                                created_at: string;
                                /** @description Uploaded file name */
                                file_name: string;
                                /** @description What changed, as the uploader said */
                                note: string | null;
                                /** @description SHA-256 of the DOCX */
                                sha256: string;
                                /** @description Bytes */
                                size: number;
                                /** @description The variable schema */
                                variables: {
                                    /** @description The fields of one row of a list */
                                    fields?: {
                                        /** @description What people see in forms and column mappings */
                                        label: string;
                                        /** @description The tag name in the DOCX */
                                        name: string;
                                        /** @description A row without a value is refused */
                                        required: boolean;
                                        /** @description Value used by the sample preview */
                                        sample?: unknown;
                                        /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                        type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    }[];
                                    /** @description What people see in forms and column mappings */
                                    label: string;
                                    /** @description The tag name in the DOCX */
                                    name: string;
                                    /** @description A row without a value is refused */
                                    required: boolean;
                                    /** @description Value used by the sample preview */
                                    sample?: unknown;
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                }[];
                                /** @description Version number, from 1 */
                                version: number;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a new version (multipart: note, then the file); answers the variable diff
         * @description Domain errors:
         *     - `40051` TEMPLATE_INVALID: The DOCX is not a usable template (unclosed tag, bad nesting, zip bomb, not a DOCX); details list each problem
         *
         *     Requires permission `doc_templates.template.manage` (Upload templates and versions, edit variable schemas).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Variable diff against the previous version */
                                changes: {
                                    /** @description What changed from the previous version */
                                    change: "added" | "removed" | "type_changed" | "fields_changed";
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    from?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    /** @description Variable name */
                                    name: string;
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    to?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                }[];
                                template: {
                                    /** @description Created at (UTC) */
                                    created_at: string;
                                    /** @description Description */
                                    description: string | null;
                                    /** @description Template id */
                                    id: string;
                                    /** @description Newest version number */
                                    latest_version: number;
                                    /** @description Unique name */
                                    name: string;
                                    /** @description Last version or edit (UTC) */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description Uploaded at (UTC) */
                                    created_at: string;
                                    /** @description Uploaded file name */
                                    file_name: string;
                                    /** @description What changed, as the uploader said */
                                    note: string | null;
                                    /** @description SHA-256 of the DOCX */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description The variable schema */
                                    variables: {
                                        /** @description The fields of one row of a list */
                                        fields?: {
                                            /** @description What people see in forms and column mappings */
                                            label: string;
                                            /** @description The tag name in the DOCX */
                                            name: string;
                                            /** @description A row without a value is refused */
                                            required: boolean;
                                            /** @description Value used by the sample preview */
                                            sample?: unknown;
                                            /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                            type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                        }[];
                                        /** @description What people see in forms and column mappings */
                                        label: string;
                                        /** @description The tag name in the DOCX */
                                        name: string;
                                        /** @description A row without a value is refused */
                                        required: boolean;
                                        /** @description Value used by the sample preview */
                                        sample?: unknown;
                                        /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                        type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    }[];
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/versions/{version}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Variable diff of a version against the one before it
         * @description Requires permission `doc_templates.template.read` (List templates, their versions and variable schemas).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
                    /** @description Version number */
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
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What changed from the previous version */
                                change: "added" | "removed" | "type_changed" | "fields_changed";
                                /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                from?: "text" | "number" | "date" | "boolean" | "image" | "list";
                                /** @description Variable name */
                                name: string;
                                /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                to?: "text" | "number" | "date" | "boolean" | "image" | "list";
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/{id}/versions/{version}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Edit a version’s variable schema: labels, types, required, sample values
         * @description Requires permission `doc_templates.template.manage` (Upload templates and versions, edit variable schemas).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template id */
                    id: string;
                    /** @description Version number */
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Edited variables (names must exist) */
                        variables: {
                            /** @description The fields of one row of a list */
                            fields?: {
                                /** @description What people see in forms and column mappings */
                                label: string;
                                /** @description The tag name in the DOCX */
                                name: string;
                                /** @description A row without a value is refused */
                                required: boolean;
                                /** @description Value used by the sample preview */
                                sample?: unknown;
                                /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                type: "text" | "number" | "date" | "boolean" | "image" | "list";
                            }[];
                            /** @description What people see in forms and column mappings */
                            label: string;
                            /** @description The tag name in the DOCX */
                            name: string;
                            /** @description A row without a value is refused */
                            required: boolean;
                            /** @description Value used by the sample preview */
                            sample?: unknown;
                            /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                            type: "text" | "number" | "date" | "boolean" | "image" | "list";
                        }[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Uploaded at (UTC) */
                                created_at: string;
                                /** @description Uploaded file name */
                                file_name: string;
                                /** @description What changed, as the uploader said */
                                note: string | null;
                                /** @description SHA-256 of the DOCX */
                                sha256: string;
                                /** @description Bytes */
                                size: number;
                                /** @description The variable schema */
                                variables: {
                                    /** @description The fields of one row of a list */
                                    fields?: {
                                        /** @description What people see in forms and column mappings */
                                        label: string;
                                        /** @description The tag name in the DOCX */
                                        name: string;
                                        /** @description A row without a value is refused */
                                        required: boolean;
                                        /** @description Value used by the sample preview */
                                        sample?: unknown;
                                        /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                        type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                    }[];
                                    /** @description What people see in forms and column mappings */
                                    label: string;
                                    /** @description The tag name in the DOCX */
                                    name: string;
                                    /** @description A row without a value is refused */
                                    required: boolean;
                                    /** @description Value used by the sample preview */
                                    sample?: unknown;
                                    /** @description text, number, date (YYYY-MM-DD), boolean (a condition), image (PNG/JPEG data URL), list (loop rows) */
                                    type: "text" | "number" | "date" | "boolean" | "image" | "list";
                                }[];
                                /** @description Version number, from 1 */
                                version: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/document-templates/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch with its progress and every row’s state and error
         * @description Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    batchId: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Queued at (UTC) */
                                created_at: string;
                                /** @description Rows generated */
                                done: number;
                                /** @description Record type results are filed on */
                                entity_type: string | null;
                                /** @description Rows that failed */
                                failed: number;
                                /** @description Finished at (UTC) */
                                finished_at: string | null;
                                /** @description A ZIP of the results can be downloaded */
                                has_zip: boolean;
                                /** @description Batch id */
                                id: string;
                                /** @description pdf or docx */
                                output: string;
                                /** @description Rows still to do */
                                remaining: number;
                                /** @description Per-row state */
                                rows?: {
                                    /** @description Filed document */
                                    document_id: string | null;
                                    /** @description Record the result is filed on */
                                    entity_id: string | null;
                                    /** @description Why the row failed */
                                    error: string | null;
                                    /** @description Result file name */
                                    file_name: string;
                                    /** @description 1-based row number */
                                    row_index: number;
                                    /** @description pending, done, failed or cancelled */
                                    status: string;
                                }[];
                                /** @description queued, running, completed, cancelled or failed */
                                status: string;
                                /** @description Template */
                                template_id: string;
                                /** @description Template version used */
                                template_version: number;
                                /** @description Rows */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/batches/{batchId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a batch: rows not yet generated are cancelled, rows already filed stay
         * @description Domain errors:
         *     - `40952` BATCH_FINISHED: The batch has already finished
         *
         *     Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    batchId: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Queued at (UTC) */
                                created_at: string;
                                /** @description Rows generated */
                                done: number;
                                /** @description Record type results are filed on */
                                entity_type: string | null;
                                /** @description Rows that failed */
                                failed: number;
                                /** @description Finished at (UTC) */
                                finished_at: string | null;
                                /** @description A ZIP of the results can be downloaded */
                                has_zip: boolean;
                                /** @description Batch id */
                                id: string;
                                /** @description pdf or docx */
                                output: string;
                                /** @description Rows still to do */
                                remaining: number;
                                /** @description Per-row state */
                                rows?: {
                                    /** @description Filed document */
                                    document_id: string | null;
                                    /** @description Record the result is filed on */
                                    entity_id: string | null;
                                    /** @description Why the row failed */
                                    error: string | null;
                                    /** @description Result file name */
                                    file_name: string;
                                    /** @description 1-based row number */
                                    row_index: number;
                                    /** @description pending, done, failed or cancelled */
                                    status: string;
                                }[];
                                /** @description queued, running, completed, cancelled or failed */
                                status: string;
                                /** @description Template */
                                template_id: string;
                                /** @description Template version used */
                                template_version: number;
                                /** @description Rows */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/batches/{batchId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live progress of a batch (Server-Sent Events `progress`: done, failed, remaining, the row just settled)
         * @description Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    batchId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/batches/{batchId}/zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ZIP of a finished batch’s results
         * @description Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Batch id */
                    batchId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/zip */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/record-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Record types a template can be filled from (those the caller may read), with their fields
         * @description Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the records are */
                                description: string;
                                /** @description Entity type */
                                entity_type: string;
                                /** @description The fields a record lends */
                                fields: {
                                    /** @description Label */
                                    label: string;
                                    /** @description Field (a variable of the same name takes it) */
                                    name: string;
                                    /** @description text, number, date or boolean */
                                    type: string;
                                }[];
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/document-templates/record-sources/{entityType}/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record’s fields, as a fill would use them (through the owning module’s data scope)
         * @description Requires permission `doc_templates.batch.run` (Fill templates: previews and batch generation, cancel batches).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Record id */
                    entityId: string;
                    /** @description Entity type of a record data provider (GET /document-templates/record-sources) */
                    entityType: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The record’s fields */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description Record id */
                                entity_id: string;
                                /** @description Entity type */
                                entity_type: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List documents (global library, per record, per contract number, or the trash)
         * @description Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
        get: {
            parameters: {
                query: {
                    /** @description contract, technical (document), drawing or other */
                    category?: "contract" | "technical" | "drawing" | "other";
                    /** @description Contract number the files are filed under */
                    contract_number?: string;
                    /** @description Owning record id */
                    entity_id?: string;
                    /** @description Owning record type, e.g. contract */
                    entity_type?: string;
                    /** @description Only documents under legal hold */
                    legal_hold?: boolean;
                    /** @description Who filed them */
                    owner_id?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Words of the title */
                    q?: string;
                    /** @description Sort field, '-' for descending: created_at, title */
                    sort: "created_at" | "-created_at" | "title" | "-title";
                    /** @description List the trash instead */
                    trashed?: boolean;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                    allowed_actions: string[];
                                    /** @description contract, technical (document), drawing or other */
                                    category: "contract" | "technical" | "drawing" | "other";
                                    /** @description Contract number */
                                    contract_number: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Filed at
                                     */
                                    created_at: string;
                                    /** @description Latest version number */
                                    current_version: number;
                                    /** @description Owning record id */
                                    entity_id: string;
                                    /** @description Owning record type */
                                    entity_type: string;
                                    /**
                                     * Format: uuid
                                     * @description Document id
                                     */
                                    id: string;
                                    /** @description Under legal hold */
                                    legal_hold: boolean;
                                    /** @description Why it is held */
                                    legal_hold_reason: string | null;
                                    /** @description Who filed it */
                                    owner_id: string;
                                    /** @description Kept at least until */
                                    retain_until: string | null;
                                    /** @description active or trashed */
                                    state: "active" | "trashed";
                                    /** @description Free tags */
                                    tags: string[];
                                    /** @description Title */
                                    title: string;
                                    /** @description When it went to the trash */
                                    trashed_at: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Last change
                                     */
                                    updated_at: string;
                                    /** @description Write once: no delete or overwrite while retained */
                                    worm: boolean;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * File a document (multipart: the metadata fields, then one file)
         * @description Fields title, category, tags (comma-separated), entity_type, entity_id, contract_number, note come before the file part. The type is decided from the content; nothing is stored when a check fails.
         *
         *     Domain errors:
         *     - `40060` DOCUMENT_EMPTY: The file is empty (0 bytes)
         *     - `40061` DOCUMENT_FILE_NAME_INVALID: The file name has a path (`/`, `\`, `..`), control or direction-override characters, or is too long
         *     - `40062` DOCUMENT_FILE_MISSING: The upload carried no file part
         *     - `41560` DOCUMENT_TYPE_REFUSED: The content is not an accepted type (PDF, DOCX/XLSX/PPTX, ODF, PNG/JPEG/GIF/WebP, script-free SVG); the file name is not trusted
         *     - `41561` DOCUMENT_ARCHIVE_BOMB: The office file unpacks to too much data or too many parts (zip bomb)
         *
         *     Requires permission `documents.document.upload` (File documents, add and restore versions, change metadata (within the data scope)).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                document: {
                                    /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                    allowed_actions: string[];
                                    /** @description contract, technical (document), drawing or other */
                                    category: "contract" | "technical" | "drawing" | "other";
                                    /** @description Contract number */
                                    contract_number: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Filed at
                                     */
                                    created_at: string;
                                    /** @description Latest version number */
                                    current_version: number;
                                    /** @description Owning record id */
                                    entity_id: string;
                                    /** @description Owning record type */
                                    entity_type: string;
                                    /**
                                     * Format: uuid
                                     * @description Document id
                                     */
                                    id: string;
                                    /** @description Under legal hold */
                                    legal_hold: boolean;
                                    /** @description Why it is held */
                                    legal_hold_reason: string | null;
                                    /** @description Who filed it */
                                    owner_id: string;
                                    /** @description Kept at least until */
                                    retain_until: string | null;
                                    /** @description active or trashed */
                                    state: "active" | "trashed";
                                    /** @description Free tags */
                                    tags: string[];
                                    /** @description Title */
                                    title: string;
                                    /** @description When it went to the trash */
                                    trashed_at: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Last change
                                     */
                                    updated_at: string;
                                    /** @description Write once: no delete or overwrite while retained */
                                    worm: boolean;
                                };
                                version: {
                                    /**
                                     * Format: date-time
                                     * @description When
                                     */
                                    created_at: string;
                                    /** @description Who added it */
                                    created_by: string;
                                    /** @description File name as uploaded */
                                    file_name: string;
                                    /** @description Macro-enabled: kept, never converted or previewed */
                                    inert: boolean;
                                    /** @description pdf, docx, xlsx, pptx, odt, png, jpeg, … */
                                    kind: string;
                                    /** @description Type decided from the content */
                                    media_type: string;
                                    metadata: {
                                        /** @description contract, technical (document), drawing or other */
                                        category: "contract" | "technical" | "drawing" | "other";
                                        /** @description Contract number */
                                        contract_number: string | null;
                                        /** @description Free tags */
                                        tags: string[];
                                        /** @description Title */
                                        title: string;
                                    };
                                    /** @description Note given with the version */
                                    note: string | null;
                                    /** @description A preview can be shown in the browser */
                                    previewable: boolean;
                                    /** @description The version this one restored */
                                    restored_from: number | null;
                                    /** @description SHA-256 of the bytes (checked on every read) */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a document
         * @description Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                allowed_actions: string[];
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Contract number */
                                contract_number: string | null;
                                /**
                                 * Format: date-time
                                 * @description Filed at
                                 */
                                created_at: string;
                                /** @description Latest version number */
                                current_version: number;
                                /** @description Owning record id */
                                entity_id: string;
                                /** @description Owning record type */
                                entity_type: string;
                                /**
                                 * Format: uuid
                                 * @description Document id
                                 */
                                id: string;
                                /** @description Under legal hold */
                                legal_hold: boolean;
                                /** @description Why it is held */
                                legal_hold_reason: string | null;
                                /** @description Who filed it */
                                owner_id: string;
                                /** @description Kept at least until */
                                retain_until: string | null;
                                /** @description active or trashed */
                                state: "active" | "trashed";
                                /** @description Free tags */
                                tags: string[];
                                /** @description Title */
                                title: string;
                                /** @description When it went to the trash */
                                trashed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description Write once: no delete or overwrite while retained */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
        /**
         * Change title, category, tags or contract number
         * @description Domain errors:
         *     - `40960` DOCUMENT_RETAINED: The document is under WORM retention: it cannot be deleted, overwritten or shortened by anyone
         *     - `40962` DOCUMENT_TRASHED: The document is in the trash; restore it first
         *
         *     Requires permission `documents.document.upload` (File documents, add and restore versions, change metadata (within the data scope)).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description contract, technical (document), drawing or other */
                        category?: "contract" | "technical" | "drawing" | "other";
                        /** @description Contract number */
                        contract_number?: string | null;
                        /** @description Free tags */
                        tags?: string[];
                        /** @description Title */
                        title?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                allowed_actions: string[];
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Contract number */
                                contract_number: string | null;
                                /**
                                 * Format: date-time
                                 * @description Filed at
                                 */
                                created_at: string;
                                /** @description Latest version number */
                                current_version: number;
                                /** @description Owning record id */
                                entity_id: string;
                                /** @description Owning record type */
                                entity_type: string;
                                /**
                                 * Format: uuid
                                 * @description Document id
                                 */
                                id: string;
                                /** @description Under legal hold */
                                legal_hold: boolean;
                                /** @description Why it is held */
                                legal_hold_reason: string | null;
                                /** @description Who filed it */
                                owner_id: string;
                                /** @description Kept at least until */
                                retain_until: string | null;
                                /** @description active or trashed */
                                state: "active" | "trashed";
                                /** @description Free tags */
                                tags: string[];
                                /** @description Title */
                                title: string;
                                /** @description When it went to the trash */
                                trashed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description Write once: no delete or overwrite while retained */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/documents/{id}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Place (reason) or release (null) a legal hold
         * @description Requires permission `documents.document.hold` (Place and release legal holds on documents).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the document is held; null releases the hold */
                        reason: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                allowed_actions: string[];
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Contract number */
                                contract_number: string | null;
                                /**
                                 * Format: date-time
                                 * @description Filed at
                                 */
                                created_at: string;
                                /** @description Latest version number */
                                current_version: number;
                                /** @description Owning record id */
                                entity_id: string;
                                /** @description Owning record type */
                                entity_type: string;
                                /**
                                 * Format: uuid
                                 * @description Document id
                                 */
                                id: string;
                                /** @description Under legal hold */
                                legal_hold: boolean;
                                /** @description Why it is held */
                                legal_hold_reason: string | null;
                                /** @description Who filed it */
                                owner_id: string;
                                /** @description Kept at least until */
                                retain_until: string | null;
                                /** @description active or trashed */
                                state: "active" | "trashed";
                                /** @description Free tags */
                                tags: string[];
                                /** @description Title */
                                title: string;
                                /** @description When it went to the trash */
                                trashed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description Write once: no delete or overwrite while retained */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a document back from the trash
         * @description Requires permission `documents.document.delete` (Move documents to the trash and restore them).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                allowed_actions: string[];
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Contract number */
                                contract_number: string | null;
                                /**
                                 * Format: date-time
                                 * @description Filed at
                                 */
                                created_at: string;
                                /** @description Latest version number */
                                current_version: number;
                                /** @description Owning record id */
                                entity_id: string;
                                /** @description Owning record type */
                                entity_type: string;
                                /**
                                 * Format: uuid
                                 * @description Document id
                                 */
                                id: string;
                                /** @description Under legal hold */
                                legal_hold: boolean;
                                /** @description Why it is held */
                                legal_hold_reason: string | null;
                                /** @description Who filed it */
                                owner_id: string;
                                /** @description Kept at least until */
                                retain_until: string | null;
                                /** @description active or trashed */
                                state: "active" | "trashed";
                                /** @description Free tags */
                                tags: string[];
                                /** @description Title */
                                title: string;
                                /** @description When it went to the trash */
                                trashed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description Write once: no delete or overwrite while retained */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a document to the trash (refused under legal hold or WORM retention, for every role)
         * @description Domain errors:
         *     - `40961` DOCUMENT_ON_HOLD: The document is under legal hold: it cannot be deleted until the hold is released
         *     - `40960` DOCUMENT_RETAINED: The document is under WORM retention: it cannot be deleted, overwritten or shortened by anyone
         *
         *     Requires permission `documents.document.delete` (Move documents to the trash and restore them).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                allowed_actions: string[];
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Contract number */
                                contract_number: string | null;
                                /**
                                 * Format: date-time
                                 * @description Filed at
                                 */
                                created_at: string;
                                /** @description Latest version number */
                                current_version: number;
                                /** @description Owning record id */
                                entity_id: string;
                                /** @description Owning record type */
                                entity_type: string;
                                /**
                                 * Format: uuid
                                 * @description Document id
                                 */
                                id: string;
                                /** @description Under legal hold */
                                legal_hold: boolean;
                                /** @description Why it is held */
                                legal_hold_reason: string | null;
                                /** @description Who filed it */
                                owner_id: string;
                                /** @description Kept at least until */
                                retain_until: string | null;
                                /** @description active or trashed */
                                state: "active" | "trashed";
                                /** @description Free tags */
                                tags: string[];
                                /** @description Title */
                                title: string;
                                /** @description When it went to the trash */
                                trashed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description Write once: no delete or overwrite while retained */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Version history, newest first, each with the metadata it was filed with
         * @description Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * Format: date-time
                                 * @description When
                                 */
                                created_at: string;
                                /** @description Who added it */
                                created_by: string;
                                /** @description File name as uploaded */
                                file_name: string;
                                /** @description Macro-enabled: kept, never converted or previewed */
                                inert: boolean;
                                /** @description pdf, docx, xlsx, pptx, odt, png, jpeg, … */
                                kind: string;
                                /** @description Type decided from the content */
                                media_type: string;
                                metadata: {
                                    /** @description contract, technical (document), drawing or other */
                                    category: "contract" | "technical" | "drawing" | "other";
                                    /** @description Contract number */
                                    contract_number: string | null;
                                    /** @description Free tags */
                                    tags: string[];
                                    /** @description Title */
                                    title: string;
                                };
                                /** @description Note given with the version */
                                note: string | null;
                                /** @description A preview can be shown in the browser */
                                previewable: boolean;
                                /** @description The version this one restored */
                                restored_from: number | null;
                                /** @description SHA-256 of the bytes (checked on every read) */
                                sha256: string;
                                /** @description Bytes */
                                size: number;
                                /** @description Version number, from 1 */
                                version: number;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a new version of a document (multipart: optional note, then one file)
         * @description Domain errors:
         *     - `40060` DOCUMENT_EMPTY: The file is empty (0 bytes)
         *     - `40061` DOCUMENT_FILE_NAME_INVALID: The file name has a path (`/`, `\`, `..`), control or direction-override characters, or is too long
         *     - `40062` DOCUMENT_FILE_MISSING: The upload carried no file part
         *     - `41560` DOCUMENT_TYPE_REFUSED: The content is not an accepted type (PDF, DOCX/XLSX/PPTX, ODF, PNG/JPEG/GIF/WebP, script-free SVG); the file name is not trusted
         *     - `41561` DOCUMENT_ARCHIVE_BOMB: The office file unpacks to too much data or too many parts (zip bomb)
         *     - `40962` DOCUMENT_TRASHED: The document is in the trash; restore it first
         *
         *     Requires permission `documents.document.upload` (File documents, add and restore versions, change metadata (within the data scope)).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                document: {
                                    /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                    allowed_actions: string[];
                                    /** @description contract, technical (document), drawing or other */
                                    category: "contract" | "technical" | "drawing" | "other";
                                    /** @description Contract number */
                                    contract_number: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Filed at
                                     */
                                    created_at: string;
                                    /** @description Latest version number */
                                    current_version: number;
                                    /** @description Owning record id */
                                    entity_id: string;
                                    /** @description Owning record type */
                                    entity_type: string;
                                    /**
                                     * Format: uuid
                                     * @description Document id
                                     */
                                    id: string;
                                    /** @description Under legal hold */
                                    legal_hold: boolean;
                                    /** @description Why it is held */
                                    legal_hold_reason: string | null;
                                    /** @description Who filed it */
                                    owner_id: string;
                                    /** @description Kept at least until */
                                    retain_until: string | null;
                                    /** @description active or trashed */
                                    state: "active" | "trashed";
                                    /** @description Free tags */
                                    tags: string[];
                                    /** @description Title */
                                    title: string;
                                    /** @description When it went to the trash */
                                    trashed_at: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Last change
                                     */
                                    updated_at: string;
                                    /** @description Write once: no delete or overwrite while retained */
                                    worm: boolean;
                                };
                                version: {
                                    /**
                                     * Format: date-time
                                     * @description When
                                     */
                                    created_at: string;
                                    /** @description Who added it */
                                    created_by: string;
                                    /** @description File name as uploaded */
                                    file_name: string;
                                    /** @description Macro-enabled: kept, never converted or previewed */
                                    inert: boolean;
                                    /** @description pdf, docx, xlsx, pptx, odt, png, jpeg, … */
                                    kind: string;
                                    /** @description Type decided from the content */
                                    media_type: string;
                                    metadata: {
                                        /** @description contract, technical (document), drawing or other */
                                        category: "contract" | "technical" | "drawing" | "other";
                                        /** @description Contract number */
                                        contract_number: string | null;
                                        /** @description Free tags */
                                        tags: string[];
                                        /** @description Title */
                                        title: string;
                                    };
                                    /** @description Note given with the version */
                                    note: string | null;
                                    /** @description A preview can be shown in the browser */
                                    previewable: boolean;
                                    /** @description The version this one restored */
                                    restored_from: number | null;
                                    /** @description SHA-256 of the bytes (checked on every read) */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}/versions/{version}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a version (Range requests, RFC 6266 file name, SHA-256 checked on read)
         * @description Domain errors:
         *     - `50060` DOCUMENT_CORRUPTED: The stored bytes no longer match the version’s SHA-256; an alert was raised and nothing was served
         *
         *     Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                    /** @description Version number */
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file’s bytes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}/versions/{version}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview a version inline: PDFs and images as they are, office files as PDF (cached by hash)
         * @description Domain errors:
         *     - `40963` DOCUMENT_NO_PREVIEW: No preview exists for this version (inert macro file, or no office converter is installed)
         *     - `50060` DOCUMENT_CORRUPTED: The stored bytes no longer match the version’s SHA-256; an alert was raised and nothing was served
         *
         *     Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                    /** @description Version number */
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file’s bytes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an earlier version as a new version (nothing is overwritten)
         * @description Domain errors:
         *     - `40962` DOCUMENT_TRASHED: The document is in the trash; restore it first
         *
         *     Requires permission `documents.document.upload` (File documents, add and restore versions, change metadata (within the data scope)).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Document id */
                    id: string;
                    /** @description Version number */
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                document: {
                                    /** @description What the caller may do now: upload, edit, trash, restore, hold */
                                    allowed_actions: string[];
                                    /** @description contract, technical (document), drawing or other */
                                    category: "contract" | "technical" | "drawing" | "other";
                                    /** @description Contract number */
                                    contract_number: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Filed at
                                     */
                                    created_at: string;
                                    /** @description Latest version number */
                                    current_version: number;
                                    /** @description Owning record id */
                                    entity_id: string;
                                    /** @description Owning record type */
                                    entity_type: string;
                                    /**
                                     * Format: uuid
                                     * @description Document id
                                     */
                                    id: string;
                                    /** @description Under legal hold */
                                    legal_hold: boolean;
                                    /** @description Why it is held */
                                    legal_hold_reason: string | null;
                                    /** @description Who filed it */
                                    owner_id: string;
                                    /** @description Kept at least until */
                                    retain_until: string | null;
                                    /** @description active or trashed */
                                    state: "active" | "trashed";
                                    /** @description Free tags */
                                    tags: string[];
                                    /** @description Title */
                                    title: string;
                                    /** @description When it went to the trash */
                                    trashed_at: string | null;
                                    /**
                                     * Format: date-time
                                     * @description Last change
                                     */
                                    updated_at: string;
                                    /** @description Write once: no delete or overwrite while retained */
                                    worm: boolean;
                                };
                                version: {
                                    /**
                                     * Format: date-time
                                     * @description When
                                     */
                                    created_at: string;
                                    /** @description Who added it */
                                    created_by: string;
                                    /** @description File name as uploaded */
                                    file_name: string;
                                    /** @description Macro-enabled: kept, never converted or previewed */
                                    inert: boolean;
                                    /** @description pdf, docx, xlsx, pptx, odt, png, jpeg, … */
                                    kind: string;
                                    /** @description Type decided from the content */
                                    media_type: string;
                                    metadata: {
                                        /** @description contract, technical (document), drawing or other */
                                        category: "contract" | "technical" | "drawing" | "other";
                                        /** @description Contract number */
                                        contract_number: string | null;
                                        /** @description Free tags */
                                        tags: string[];
                                        /** @description Title */
                                        title: string;
                                    };
                                    /** @description Note given with the version */
                                    note: string | null;
                                    /** @description A preview can be shown in the browser */
                                    previewable: boolean;
                                    /** @description The version this one restored */
                                    restored_from: number | null;
                                    /** @description SHA-256 of the bytes (checked on every read) */
                                    sha256: string;
                                    /** @description Bytes */
                                    size: number;
                                    /** @description Version number, from 1 */
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/retention-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retention policy per category
         * @description Requires permission `documents.document.read` (List, download and preview documents within the data scope).
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Years kept */
                                keep_years: number;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description WORM */
                                worm: boolean;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/documents/retention-policies/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a category’s retention (years, WORM) for documents filed from now on
         * @description Domain errors:
         *     - `40960` DOCUMENT_RETAINED: The document is under WORM retention: it cannot be deleted, overwritten or shortened by anyone
         *
         *     Requires permission `documents.retention.manage` (Set the retention policy (years, WORM) per category).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description contract, technical (document), drawing or other */
                    category: "contract" | "technical" | "drawing" | "other";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Years a document is kept after filing (0: no retention) */
                        keep_years: number;
                        /** @description Why */
                        note?: string | null;
                        /** @description No delete or overwrite while retained, for every role */
                        worm: boolean;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description contract, technical (document), drawing or other */
                                category: "contract" | "technical" | "drawing" | "other";
                                /** @description Years kept */
                                keep_years: number;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                updated_at: string;
                                /** @description WORM */
                                worm: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List jobs
         * @description Requires permission `jobs.queue.read` (See background job queues and runs).
         */
        get: {
            parameters: {
                query: {
                    /** @description Only this job kind */
                    name?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Only this queue */
                    queue?: string;
                    /** @description Only jobs fired by this schedule */
                    schedule_id?: string;
                    /** @description Sort field, '-' for descending: enqueued_at, run_at, finished_at, priority */
                    sort: "enqueued_at" | "-enqueued_at" | "run_at" | "-run_at" | "finished_at" | "-finished_at" | "priority" | "-priority";
                    /** @description queued (waiting or delayed), running, succeeded, dead (dead letter), cancelled */
                    state?: "queued" | "running" | "succeeded" | "dead" | "cancelled";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description Attempts started */
                                    attempts: number;
                                    /** @description When the job was enqueued */
                                    enqueued_at: string;
                                    /** @description When the job reached a final state */
                                    finished_at: string | null;
                                    /** @description Job id */
                                    id: string;
                                    /** @description Error of the latest failed attempt */
                                    last_error: string | null;
                                    /** @description When the lease runs out unless renewed */
                                    lease_expires_at: string | null;
                                    /** @description Attempts allowed before the dead letters */
                                    max_attempts: number;
                                    /** @description Job kind, e.g. mail.send */
                                    name: string;
                                    /** @description Higher runs first */
                                    priority: number;
                                    /** @description Queue */
                                    queue: string;
                                    /** @description When the job is (or was) due */
                                    run_at: string;
                                    /** @description Schedule that fired the job */
                                    schedule_id: string | null;
                                    /** @description Start of the latest attempt */
                                    started_at: string | null;
                                    /** @description queued (waiting or delayed), running, succeeded, dead (dead letter), cancelled */
                                    state: "queued" | "running" | "succeeded" | "dead" | "cancelled";
                                    /** @description Worker holding the lease (running jobs) */
                                    worker: string | null;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a job with its failed attempts
         * @description Requires permission `jobs.queue.read` (See background job queues and runs).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Attempts started */
                                attempts: number;
                                /** @description When the job was enqueued */
                                enqueued_at: string;
                                /** @description Failed attempts, oldest first */
                                failed_attempts: {
                                    /** @description Attempt number, from 1 */
                                    attempt: number;
                                    /** @description Error message */
                                    error: string;
                                    /** @description End */
                                    finished_at: string;
                                    /** @description failed, timeout or lease_lost (worker died) */
                                    outcome: string;
                                    /** @description Start */
                                    started_at: string;
                                    /** @description Worker that ran the attempt */
                                    worker: string;
                                }[];
                                /** @description When the job reached a final state */
                                finished_at: string | null;
                                /** @description Job id */
                                id: string;
                                /** @description Error of the latest failed attempt */
                                last_error: string | null;
                                /** @description When the lease runs out unless renewed */
                                lease_expires_at: string | null;
                                /** @description Attempts allowed before the dead letters */
                                max_attempts: number;
                                /** @description Job kind, e.g. mail.send */
                                name: string;
                                /** @description Higher runs first */
                                priority: number;
                                /** @description Queue */
                                queue: string;
                                /** @description When the job is (or was) due */
                                run_at: string;
                                /** @description Schedule that fired the job */
                                schedule_id: string | null;
                                /** @description Start of the latest attempt */
                                started_at: string | null;
                                /** @description queued (waiting or delayed), running, succeeded, dead (dead letter), cancelled */
                                state: "queued" | "running" | "succeeded" | "dead" | "cancelled";
                                /** @description Worker holding the lease (running jobs) */
                                worker: string | null;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running job
         * @description Domain errors:
         *     - `40922` JOB_NOT_CANCELLABLE: Only queued or running jobs can be cancelled (details: state)
         *
         *     Requires permission `jobs.queue.manage` (Retry, cancel and purge background jobs).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a dead or cancelled job back in its queue
         * @description Domain errors:
         *     - `40921` JOB_NOT_RETRYABLE: Only dead or cancelled jobs can be retried (details: state)
         *
         *     Requires permission `jobs.queue.manage` (Retry, cancel and purge background jobs).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List queues with their job counts
         * @description Requires permission `jobs.queue.read` (See background job queues and runs).
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Jobs by state */
                                counts: {
                                    /** @description Cancelled by an administrator */
                                    cancelled: number;
                                    /** @description Dead letters: failed their last attempt or permanently */
                                    dead: number;
                                    /** @description Waiting, including delayed and retry-pending jobs */
                                    queued: number;
                                    /** @description Leased to a worker */
                                    running: number;
                                    /** @description Finished */
                                    succeeded: number;
                                };
                                /** @description Queue name */
                                name: string;
                                /** @description Run time of the longest-waiting queued job */
                                oldest_queued_at: string | null;
                                /** @description Paused queues keep their jobs but start none */
                                paused: boolean;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/queues/{name}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a queue (no job of it starts)
         * @description Requires permission `jobs.queue.manage` (Retry, cancel and purge background jobs).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Queue name */
                    name: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/queues/{name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused queue
         * @description Requires permission `jobs.queue.manage` (Retry, cancel and purge background jobs).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Queue name */
                    name: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List schedules with their next fire time
         * @description Requires permission `jobs.queue.read` (See background job queues and runs).
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description How far back catch-up reaches */
                                catch_up_window_ms: number;
                                /** @description Cron expression (seconds optional) */
                                cron: string | null;
                                /** @description Schedule id */
                                id: string;
                                /** @description Interval of fixed-rate/fixed-delay */
                                interval_ms: number | null;
                                /** @description Job kind it enqueues */
                                job_name: string;
                                /** @description cron, fixed-rate or fixed-delay */
                                kind: string;
                                /** @description Latest fire time */
                                last_fire_at: string | null;
                                /** @description skip, fire-once or catch-up */
                                misfire: string;
                                /** @description Schedule name */
                                name: string;
                                /** @description Next fire time */
                                next_fire_at: string | null;
                                /** @description skip, queue-one or allow */
                                overlap: string;
                                /** @description Paused schedules do not fire */
                                paused: boolean;
                                /** @description IANA time zone the cron is read in */
                                time_zone: string;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/schedules/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a schedule
         * @description Requires permission `jobs.schedule.manage` (Create and change job schedules).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/schedules/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused schedule
         * @description Requires permission `jobs.schedule.manage` (Create and change job schedules).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description Always true
                                 * @enum {boolean}
                                 */
                                ok: true;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/jobs/schedules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a schedule now
         * @description Domain errors:
         *     - `40923` SCHEDULE_JOB_UNKNOWN: The schedule names a job kind this server does not know (details: job_name)
         *
         *     Requires permission `jobs.schedule.manage` (Create and change job schedules).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The job enqueued now */
                                job_id: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/login-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sign-in attempts
         * @description Newest first, within the caller’s data scope.
         *
         *     Requires permission `identity.login_log.read`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Only this client address */
                    ip?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    result?: "success" | "failure" | "challenge";
                    /** @description Sort field, '-' for descending: at */
                    sort: "at" | "-at";
                    /** @description Only this user */
                    user_id?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    at: string;
                                    id: string;
                                    ip: string;
                                    /** @description password, password+totp, step_up:..., ... */
                                    method: string;
                                    /** @description Why it failed */
                                    reason: string | null;
                                    /** @description success, failure or challenge (second factor requested) */
                                    result: string;
                                    user_agent: string;
                                    /** @description Null when the username matched no account */
                                    user_id: string | null;
                                    /** @description The username as typed */
                                    username: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is: profile, permissions, data scope, MFA state */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description How this session signed in */
                                auth_method: string;
                                data_scope: {
                                    /** @description Sees every row */
                                    all: boolean;
                                    /** @description Departments whose rows it sees (besides its own) */
                                    department_ids: string[];
                                };
                                mfa: {
                                    /** @description One of the caller’s roles requires MFA */
                                    required: boolean;
                                    /** @description An authenticator app is bound */
                                    totp_bound: boolean;
                                };
                                /** @description Every permission the caller holds (a UI hides the rest) */
                                permissions: string[];
                                session_id: string | null;
                                user: {
                                    created_at: string;
                                    /** @description Department */
                                    department_id: string | null;
                                    disabled_at: string | null;
                                    /** @description Email address */
                                    email: string | null;
                                    /** @description Full legal name (used in signature manifestations) */
                                    full_name: string;
                                    /** @description Immutable id, never reused */
                                    id: string;
                                    /** @description Identity assurance level (e.g. internal, verified) */
                                    identity_level: string;
                                    last_login_at: string | null;
                                    /** @description End of a lockout after failed sign-ins */
                                    locked_until: string | null;
                                    /** @description The user must set a new password */
                                    must_change_password: boolean;
                                    /** @description Phone; masked (138****1234) without user.phone.view */
                                    phone: string | null;
                                    /** @description Role codes */
                                    roles: string[];
                                    /** @description active, locked or disabled */
                                    status: string;
                                    updated_at: string;
                                    /** @description Unique sign-in name (lower case) */
                                    username: string;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
        /**
         * Change the caller’s own profile
         * @description A new email needs the current password (reset links go there).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Required when changing your own email address */
                        current_password?: string;
                        /**
                         * Format: email
                         * @description Email address
                         */
                        email?: string;
                        /**
                         * Format: display-name
                         * @description Full legal name (used in signature manifestations) (no control or bidirectional-override characters)
                         */
                        full_name?: string;
                        phone?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description How this session signed in */
                                auth_method: string;
                                data_scope: {
                                    /** @description Sees every row */
                                    all: boolean;
                                    /** @description Departments whose rows it sees (besides its own) */
                                    department_ids: string[];
                                };
                                mfa: {
                                    /** @description One of the caller’s roles requires MFA */
                                    required: boolean;
                                    /** @description An authenticator app is bound */
                                    totp_bound: boolean;
                                };
                                /** @description Every permission the caller holds (a UI hides the rest) */
                                permissions: string[];
                                session_id: string | null;
                                user: {
                                    created_at: string;
                                    /** @description Department */
                                    department_id: string | null;
                                    disabled_at: string | null;
                                    /** @description Email address */
                                    email: string | null;
                                    /** @description Full legal name (used in signature manifestations) */
                                    full_name: string;
                                    /** @description Immutable id, never reused */
                                    id: string;
                                    /** @description Identity assurance level (e.g. internal, verified) */
                                    identity_level: string;
                                    last_login_at: string | null;
                                    /** @description End of a lockout after failed sign-ins */
                                    locked_until: string | null;
                                    /** @description The user must set a new password */
                                    must_change_password: boolean;
                                    /** @description Phone; masked (138****1234) without user.phone.view */
                                    phone: string | null;
                                    /** @description Role codes */
                                    roles: string[];
                                    /** @description active, locked or disabled */
                                    status: string;
                                    updated_at: string;
                                    /** @description Unique sign-in name (lower case) */
                                    username: string;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/monitor/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description API latency percentiles and error rates (from /metrics), job success rate.
         *
         *     Requires permission `monitor.dashboard.read`.
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Share of API responses with a 4xx status (0–1) */
                                client_error_rate: number;
                                jobs: {
                                    /** @description Jobs in the dead letters */
                                    dead: number;
                                    /** @description Jobs that succeeded (within the retention window) */
                                    succeeded: number;
                                    /** @description succeeded / (succeeded + dead) */
                                    success_rate: number | null;
                                };
                                latency_ms: {
                                    /** @description Median API response time in ms (null: no requests yet) */
                                    p50: number | null;
                                    /** @description 95th percentile in ms */
                                    p95: number | null;
                                    /** @description 99th percentile in ms */
                                    p99: number | null;
                                };
                                /** @description Resident memory of the answering process */
                                memory_rss_bytes: number;
                                /** @description API requests answered since the server (or cluster) started */
                                requests: number;
                                /** @description Share of API responses with a 5xx status (0–1) */
                                server_error_rate: number;
                                /** @description Uptime of the answering process */
                                uptime_seconds: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/callbacks/{kind}/{id}/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Aliyun SmsReport / Tencent Cloud SMS status callback (JSON array; the URL carries the token)
         * @description Answers as each provider documents: Aliyun `{"code":0,"msg":"接收成功"}`, Tencent `{"result":0,"errmsg":"OK"}`.
         *
         *     Domain errors:
         *     - `40341` RECEIPT_REFUSED: A delivery receipt whose signature (Twilio) or callback token (Aliyun, Tencent) does not verify; nothing was changed
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    kind: "aliyun" | "tencent";
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
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
                            code: number;
                            msg: string;
                        } | {
                            errmsg: string;
                            result: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/callbacks/twilio/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio message status callback (form body, X-Twilio-Signature)
         * @description Domain errors:
         *     - `40341` RECEIPT_REFUSED: A delivery receipt whose signature (Twilio) or callback token (Aliyun, Tencent) does not verify; nothing was changed
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                applied: number;
                                progress: number;
                                repeated: number;
                                unmatched: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channel setup: email, SMS providers, groups
         * @description Requires permission `notifications.channel.read` (See channel setup: SMS providers, robot groups, webhooks).
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                email: {
                                    configured: boolean;
                                    from: string;
                                    host: string | null;
                                };
                                groups: {
                                    channel: string;
                                    code: string;
                                    enabled: boolean;
                                    endpoints: {
                                        enabled: boolean;
                                        has_secret: boolean;
                                        id: string;
                                        name: string;
                                        /** Format: date-time */
                                        updated_at: string;
                                        /** @description Host and path only */
                                        url_hint: string;
                                    }[];
                                    id: string;
                                    is_default: boolean;
                                    name: string;
                                }[];
                                providers: {
                                    /** @description Skipped after repeated failures, until its cool-down passes */
                                    breaker_open: boolean;
                                    enabled: boolean;
                                    id: string;
                                    kind: string;
                                    name: string;
                                    position: number;
                                    /** @description Where the provider posts delivery receipts (Aliyun, Tencent: enter it in their console; it holds a token, so only channel managers see it; Twilio gets it with each message) */
                                    receipt_url: string | null;
                                    settings: {
                                        [key: string]: string;
                                    };
                                    /** Format: date-time */
                                    updated_at: string;
                                }[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/channels/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a robot or endpoint; a URL or secret left out keeps the stored one, a null secret removes it
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        put: {
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
                        enabled?: boolean;
                        name: string;
                        /** @description Signing secret (kept sealed) */
                        secret?: string | null;
                        /** @description Robot webhook URL (kept sealed) */
                        url?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                enabled: boolean;
                                has_secret: boolean;
                                id: string;
                                name: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Host and path only */
                                url_hint: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove a robot or endpoint
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                ok: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a robot or webhook group
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
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
                        channel: "dingtalk" | "feishu" | "wecom" | "webhook";
                        /** @description Code used in recipients: {type:"group", code} */
                        code: string;
                        enabled?: boolean;
                        /** @description Used when a message names no group of its channel */
                        is_default?: boolean;
                        name: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                channel: string;
                                code: string;
                                enabled: boolean;
                                endpoints: {
                                    enabled: boolean;
                                    has_secret: boolean;
                                    id: string;
                                    name: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                    /** @description Host and path only */
                                    url_hint: string;
                                }[];
                                id: string;
                                is_default: boolean;
                                name: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/channels/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a group
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        put: {
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
                        channel: "dingtalk" | "feishu" | "wecom" | "webhook";
                        /** @description Code used in recipients: {type:"group", code} */
                        code: string;
                        enabled?: boolean;
                        /** @description Used when a message names no group of its channel */
                        is_default?: boolean;
                        name: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                ok: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove a group and its endpoints
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                ok: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/groups/{id}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a robot (or webhook endpoint) to a group; several robots are rotated
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        post: {
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
                        enabled?: boolean;
                        name: string;
                        /** @description Signing secret (kept sealed) */
                        secret?: string | null;
                        /** @description Robot webhook URL (kept sealed) */
                        url?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                enabled: boolean;
                                has_secret: boolean;
                                id: string;
                                name: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Host and path only */
                                url_hint: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/channels/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an SMS provider to the chain
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
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
                        enabled?: boolean;
                        kind: "aliyun" | "tencent" | "twilio";
                        name: string;
                        /** @description Order in the failover chain (lowest first) */
                        position: number;
                        /** @description Access key secret / secret key / auth token (kept sealed) */
                        secret?: string;
                        /** @description aliyun: access_key_id, sign_name, region, endpoint; tencent: secret_id, sdk_app_id, sign_name, region, endpoint; twilio: account_sid, from, endpoint */
                        settings: {
                            [key: string]: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Skipped after repeated failures, until its cool-down passes */
                                breaker_open: boolean;
                                enabled: boolean;
                                id: string;
                                kind: string;
                                name: string;
                                position: number;
                                /** @description Where the provider posts delivery receipts (Aliyun, Tencent: enter it in their console; it holds a token, so only channel managers see it; Twilio gets it with each message) */
                                receipt_url: string | null;
                                settings: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                updated_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/channels/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an SMS provider; a secret left out keeps the stored one
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        put: {
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
                        enabled?: boolean;
                        kind: "aliyun" | "tencent" | "twilio";
                        name: string;
                        /** @description Order in the failover chain (lowest first) */
                        position: number;
                        /** @description Access key secret / secret key / auth token (kept sealed) */
                        secret?: string;
                        /** @description aliyun: access_key_id, sign_name, region, endpoint; tencent: secret_id, sdk_app_id, sign_name, region, endpoint; twilio: account_sid, from, endpoint */
                        settings: {
                            [key: string]: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Skipped after repeated failures, until its cool-down passes */
                                breaker_open: boolean;
                                enabled: boolean;
                                id: string;
                                kind: string;
                                name: string;
                                position: number;
                                /** @description Where the provider posts delivery receipts (Aliyun, Tencent: enter it in their console; it holds a token, so only channel managers see it; Twilio gets it with each message) */
                                receipt_url: string | null;
                                settings: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                updated_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove an SMS provider
         * @description Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                ok: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/channels/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test message on a channel
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.channel.manage` (Configure SMS providers, robots and webhooks; send tests).
         */
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
                        /** @description Email address or phone number */
                        address?: string;
                        /** @description Channel */
                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                        group?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                deliveries: {
                                    channel: string;
                                    /** @description Why this recipient × channel failed */
                                    error: string | null;
                                    id: string | null;
                                    /** @description user:<id>, email:<address>, group:<code>, … */
                                    recipient: string;
                                    /** @description queued or failed */
                                    status: string;
                                }[];
                                failed: number;
                                /** @description False when dedupe_key matched an earlier message */
                                is_new: boolean;
                                message_id: string;
                                queued: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The send log, filtered
         * @description status=dead lists the dead letters.
         *
         *     Requires permission `notifications.log.read` (Read the send log, dead letters and delivery statistics).
         */
        get: {
            parameters: {
                query: {
                    channel?: string;
                    from?: string;
                    message_id?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Recipient key, address or name contains */
                    recipient?: string;
                    /** @description Sort field, '-' for descending: created_at, status */
                    sort: "created_at" | "-created_at" | "status" | "-status";
                    /** @description queued, sending, sent, delivered, failed, dead, suppressed, deferred, held, digested */
                    status?: string;
                    template?: string;
                    to?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    address: string | null;
                                    attempts: number;
                                    body: string | null;
                                    category: string;
                                    channel: string;
                                    created_at: string;
                                    delivered_at: string | null;
                                    digest_id: string | null;
                                    id: string;
                                    is_digest: boolean;
                                    is_sensitive: boolean;
                                    last_error: string | null;
                                    locale: string;
                                    /** @description Deliveries a digest merged */
                                    merged: string[];
                                    message_id: string;
                                    next_attempt_at: string | null;
                                    priority: string;
                                    provider: string | null;
                                    provider_message_id: string | null;
                                    recipient: string;
                                    recipient_name: string | null;
                                    sent_at: string | null;
                                    status: string;
                                    subject: string | null;
                                    template: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery with every attempt
         * @description Requires permission `notifications.log.read` (Read the send log, dead letters and delivery statistics).
         */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                attempts: {
                                    attempt: number;
                                    error: string | null;
                                    finished_at: string | null;
                                    provider: string;
                                    provider_message_id: string | null;
                                    receipt_at: string | null;
                                    receipt_code: string | null;
                                    receipt_status: string | null;
                                    response: string | null;
                                    started_at: string;
                                    /** @description sending, sent, failed, interrupted (the process died; outcome unknown) */
                                    status: string;
                                }[];
                                delivery: {
                                    address: string | null;
                                    attempts: number;
                                    body: string | null;
                                    category: string;
                                    channel: string;
                                    created_at: string;
                                    delivered_at: string | null;
                                    digest_id: string | null;
                                    id: string;
                                    is_digest: boolean;
                                    is_sensitive: boolean;
                                    last_error: string | null;
                                    locale: string;
                                    /** @description Deliveries a digest merged */
                                    merged: string[];
                                    message_id: string;
                                    next_attempt_at: string | null;
                                    priority: string;
                                    provider: string | null;
                                    provider_message_id: string | null;
                                    recipient: string;
                                    recipient_name: string | null;
                                    sent_at: string | null;
                                    status: string;
                                    subject: string | null;
                                    template: string;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or dead delivery again
         * @description Domain errors:
         *     - `40942` NOT_RESENDABLE: Only failed or dead deliveries of non-sensitive messages can be resent
         *
         *     Requires permission `notifications.log.resend` (Resend failed or dead-lettered deliveries).
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                address: string | null;
                                attempts: number;
                                body: string | null;
                                category: string;
                                channel: string;
                                created_at: string;
                                delivered_at: string | null;
                                digest_id: string | null;
                                id: string;
                                is_digest: boolean;
                                is_sensitive: boolean;
                                last_error: string | null;
                                locale: string;
                                /** @description Deliveries a digest merged */
                                merged: string[];
                                message_id: string;
                                next_attempt_at: string | null;
                                priority: string;
                                provider: string | null;
                                provider_message_id: string | null;
                                recipient: string;
                                recipient_name: string | null;
                                sent_at: string | null;
                                status: string;
                                subject: string | null;
                                template: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My in-app messages, newest first */
        get: {
            parameters: {
                query: {
                    /** @description In-app message kind */
                    kind?: "system" | "approval" | "task" | "alert";
                    page: number;
                    page_size: number;
                    /** @description Only unread messages */
                    unread?: boolean;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description Markdown; values are escaped */
                                    body: string;
                                    category: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    id: string;
                                    /** @description system, approval, task or alert */
                                    kind: string;
                                    link: string | null;
                                    read_at: string | null;
                                    title: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/inbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my messages */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                marked: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/inbox/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark messages (or all) read */
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
                        /** @description Mark every message read */
                        all?: boolean;
                        ids?: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                marked: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/inbox/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live inbox (Server-Sent Events: `message` and `unread` events)
         * @description Send the access token in the Authorization header (fetch-based event source). Reconnect with Last-Event-ID to catch up.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Replay messages after this id (also Last-Event-ID) */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/inbox/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My unread counts, by kind */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                by_kind: {
                                    alert: number;
                                    approval: number;
                                    system: number;
                                    task: number;
                                };
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notification settings */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                categories: {
                                    category: string;
                                    /** @description Always sent; switches do not apply */
                                    is_transactional: boolean;
                                }[];
                                profile: {
                                    dingtalk_id: string | null;
                                    dnd_end: string | null;
                                    dnd_start: string | null;
                                    feishu_id: string | null;
                                    locale: string | null;
                                    time_zone: string | null;
                                    wecom_id: string | null;
                                } | null;
                                switches: {
                                    category: string;
                                    channel: string;
                                    enabled: boolean;
                                }[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        /** Change my contact ids, locale, quiet hours and channel switches */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description DingTalk user id (for @mentions) */
                        dingtalk_id?: string | null;
                        /** @description HH:MM, local time */
                        dnd_end?: string | null;
                        /** @description HH:MM, local time */
                        dnd_start?: string | null;
                        /** @description Feishu open_id (for @mentions) */
                        feishu_id?: string | null;
                        locale?: "zh-CN" | "en" | "he" | null;
                        switches?: {
                            /** @description A category or '*' */
                            category: string;
                            /** @description A channel or '*' */
                            channel: string;
                            enabled: boolean;
                        }[];
                        /** @description IANA time zone of the quiet hours */
                        time_zone?: string | null;
                        /** @description WeCom user id (for @mentions) */
                        wecom_id?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                categories: {
                                    category: string;
                                    /** @description Always sent; switches do not apply */
                                    is_transactional: boolean;
                                }[];
                                profile: {
                                    dingtalk_id: string | null;
                                    dnd_end: string | null;
                                    dnd_start: string | null;
                                    feishu_id: string | null;
                                    locale: string | null;
                                    time_zone: string | null;
                                    wecom_id: string | null;
                                } | null;
                                switches: {
                                    category: string;
                                    channel: string;
                                    enabled: boolean;
                                }[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message by template to people, addresses or groups
         * @description Answers 202 with one entry per recipient × channel: queued, or failed with the reason (no address, missing variable, blocked word). Preferences, quiet hours and limits apply when each is dispatched.
         *
         *     Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.message.send` (Send notifications through the API).
         */
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
                        /** @description Channels to send on */
                        channels: ("email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook")[];
                        /** @description Same key, same message: sent once */
                        dedupe_key?: string;
                        /** @description Inline images for email */
                        images?: {
                            /** @description Referenced in the HTML as cid:<cid> */
                            cid: string;
                            /** @description PNG, JPEG or GIF, up to 1 MB */
                            content_base64: string;
                            filename: string;
                        }[];
                        /** @description Template variables */
                        params?: {
                            [key: string]: unknown;
                        };
                        /** @description urgent skips quiet hours and is never merged into a digest */
                        priority?: "low" | "normal" | "high" | "urgent";
                        recipients: {
                            /** @description email address or phone number */
                            address?: string;
                            /** @description role or group code */
                            code?: string;
                            /** @description user, department or project id */
                            id?: string;
                            /** @description department: its sub-departments too */
                            include_children?: boolean;
                            /** @description Locale for a raw address */
                            locale?: string;
                            /** @description Name for a raw address */
                            name?: string;
                            /** @description Values for this recipient only */
                            params?: {
                                [key: string]: unknown;
                            };
                            /** @description user, role, department, project (with a projects module), email, phone or group (robot/webhook group) */
                            type: string;
                        }[];
                        /** @description Template code */
                        template: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            code: 0;
                            data: {
                                deliveries: {
                                    channel: string;
                                    /** @description Why this recipient × channel failed */
                                    error: string | null;
                                    id: string | null;
                                    /** @description user:<id>, email:<address>, group:<code>, … */
                                    recipient: string;
                                    /** @description queued or failed */
                                    status: string;
                                }[];
                                failed: number;
                                /** @description False when dedupe_key matched an earlier message */
                                is_new: boolean;
                                message_id: string;
                                queued: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery statistics per day, channel and template
         * @description Requires permission `notifications.log.read` (Read the send log, dead letters and delivery statistics).
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The template’s category (what preferences go by) */
                                category: string;
                                channel: string;
                                /** @description By status */
                                counts: {
                                    [key: string]: number;
                                };
                                day: string;
                                /** @description sent+delivered over settled */
                                success_rate: number | null;
                                template: string;
                                total: number;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List message templates
         * @description Requires permission `notifications.template.read` (List, view and preview message templates).
         */
        get: {
            parameters: {
                query: {
                    category?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Code or name contains */
                    q?: string;
                    /** @description Sort field, '-' for descending: created_at, code, name */
                    sort: "created_at" | "-created_at" | "code" | "-code" | "name" | "-name";
                    status?: "active" | "disabled";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a template (version 1)
         * @description Every variant is compiled in the sandbox and every variable it reads must be declared.
         *
         *     Domain errors:
         *     - `40941` TEMPLATE_CODE_TAKEN: A template with this code exists
         *     - `40041` TEMPLATE_INVALID: A template does not parse, uses an undeclared variable or a forbidden construct
         *     - `40043` CONTENT_BLOCKED: The rendered content contains a word the sensitive-word list blocks
         *
         *     Requires permission `notifications.template.manage` (Create, edit, roll back and disable message templates).
         */
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
                        /** @description Category (preferences and unsubscribes go by it) */
                        category: string;
                        /** @description Unique code modules send by */
                        code: string;
                        /** @description Locale */
                        default_locale?: "zh-CN" | "en" | "he";
                        /** @description Notes */
                        description?: string | null;
                        /** @description Per recipient and window */
                        frequency_limit?: number | null;
                        /** @description Window of the frequency limit */
                        frequency_window_seconds?: number | null;
                        /** @description In-app message kind */
                        inbox_kind?: "system" | "approval" | "task" | "alert";
                        /** @description Content sealed, erased after delivery, never shown or resent */
                        is_sensitive?: boolean;
                        /** @description Always sent: no unsubscribe, preferences or quiet hours */
                        is_transactional?: boolean;
                        /** @description Display name */
                        name: string;
                        /** @description Note for this version */
                        note?: string | null;
                        /** @description Declared variables */
                        variables: {
                            /** @description What it holds */
                            description?: string;
                            /** @description Variable name */
                            name: string;
                            /** @description Sending without it fails (default true) */
                            required?: boolean;
                            /** @description Value used by previews */
                            sample?: unknown;
                        }[];
                        /** @description Channel × locale content */
                        variants: {
                            /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                            body: string;
                            /** @description Channel */
                            channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                            /** @description Robots: text, markdown or card */
                            format?: "text" | "markdown" | "card" | "html";
                            /** @description Card button / open link (Liquid) */
                            link?: string;
                            /** @description Locale */
                            locale: "zh-CN" | "en" | "he";
                            /** @description Registered provider templates (Aliyun and Tencent send only those) */
                            sms?: {
                                aliyun?: {
                                    /** @description Provider parameter → Liquid */
                                    params: {
                                        [key: string]: string;
                                    };
                                    /** @description Aliyun TemplateCode (SMS_…) */
                                    template_code: string;
                                };
                                tencent?: {
                                    /** @description Ordered parameters (Liquid) */
                                    params: string[];
                                    /** @description Tencent TemplateId */
                                    template_id: string;
                                };
                            };
                            /** @description Subject / title (Liquid; `${name}` works too) */
                            subject?: string;
                            /** @description Email plain-text part (derived from the HTML when absent) */
                            text?: string;
                        }[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                template: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description The version a rollback copied */
                                    based_on: number | null;
                                    /** Format: date-time */
                                    created_at: string;
                                    created_by: string | null;
                                    note: string | null;
                                    /** @description Variables the content reads */
                                    used_variables: string[];
                                    variables: {
                                        /** @description What it holds */
                                        description?: string;
                                        /** @description Variable name */
                                        name: string;
                                        /** @description Sending without it fails (default true) */
                                        required?: boolean;
                                        /** @description Value used by previews */
                                        sample?: unknown;
                                    }[];
                                    variants: {
                                        /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                        body: string;
                                        /** @description Channel */
                                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                        /** @description Robots: text, markdown or card */
                                        format?: "text" | "markdown" | "card" | "html";
                                        /** @description Card button / open link (Liquid) */
                                        link?: string;
                                        /** @description Locale */
                                        locale: "zh-CN" | "en" | "he";
                                        /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                        sms?: {
                                            aliyun?: {
                                                /** @description Provider parameter → Liquid */
                                                params: {
                                                    [key: string]: string;
                                                };
                                                /** @description Aliyun TemplateCode (SMS_…) */
                                                template_code: string;
                                            };
                                            tencent?: {
                                                /** @description Ordered parameters (Liquid) */
                                                params: string[];
                                                /** @description Tencent TemplateId */
                                                template_id: string;
                                            };
                                        };
                                        /** @description Subject / title (Liquid; `${name}` works too) */
                                        subject?: string;
                                        /** @description Email plain-text part (derived from the HTML when absent) */
                                        text?: string;
                                    }[];
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a template and one version
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.template.read` (List, view and preview message templates).
         */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                template: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description The version a rollback copied */
                                    based_on: number | null;
                                    /** Format: date-time */
                                    created_at: string;
                                    created_by: string | null;
                                    note: string | null;
                                    /** @description Variables the content reads */
                                    used_variables: string[];
                                    variables: {
                                        /** @description What it holds */
                                        description?: string;
                                        /** @description Variable name */
                                        name: string;
                                        /** @description Sending without it fails (default true) */
                                        required?: boolean;
                                        /** @description Value used by previews */
                                        sample?: unknown;
                                    }[];
                                    variants: {
                                        /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                        body: string;
                                        /** @description Channel */
                                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                        /** @description Robots: text, markdown or card */
                                        format?: "text" | "markdown" | "card" | "html";
                                        /** @description Card button / open link (Liquid) */
                                        link?: string;
                                        /** @description Locale */
                                        locale: "zh-CN" | "en" | "he";
                                        /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                        sms?: {
                                            aliyun?: {
                                                /** @description Provider parameter → Liquid */
                                                params: {
                                                    [key: string]: string;
                                                };
                                                /** @description Aliyun TemplateCode (SMS_…) */
                                                template_code: string;
                                            };
                                            tencent?: {
                                                /** @description Ordered parameters (Liquid) */
                                                params: string[];
                                                /** @description Tencent TemplateId */
                                                template_id: string;
                                            };
                                        };
                                        /** @description Subject / title (Liquid; `${name}` works too) */
                                        subject?: string;
                                        /** @description Email plain-text part (derived from the HTML when absent) */
                                        text?: string;
                                    }[];
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        /**
         * Save a new version
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *     - `40041` TEMPLATE_INVALID: A template does not parse, uses an undeclared variable or a forbidden construct
         *     - `40043` CONTENT_BLOCKED: The rendered content contains a word the sensitive-word list blocks
         *
         *     Requires permission `notifications.template.manage` (Create, edit, roll back and disable message templates).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version the editor loaded */
                        base_version?: number;
                        /** @description Category (preferences and unsubscribes go by it) */
                        category: string;
                        /** @description Locale */
                        default_locale?: "zh-CN" | "en" | "he";
                        /** @description Notes */
                        description?: string | null;
                        /** @description Per recipient and window */
                        frequency_limit?: number | null;
                        /** @description Window of the frequency limit */
                        frequency_window_seconds?: number | null;
                        /** @description In-app message kind */
                        inbox_kind?: "system" | "approval" | "task" | "alert";
                        /** @description Content sealed, erased after delivery, never shown or resent */
                        is_sensitive?: boolean;
                        /** @description Always sent: no unsubscribe, preferences or quiet hours */
                        is_transactional?: boolean;
                        /** @description Display name */
                        name: string;
                        /** @description Note for this version */
                        note?: string | null;
                        /** @description Declared variables */
                        variables: {
                            /** @description What it holds */
                            description?: string;
                            /** @description Variable name */
                            name: string;
                            /** @description Sending without it fails (default true) */
                            required?: boolean;
                            /** @description Value used by previews */
                            sample?: unknown;
                        }[];
                        /** @description Channel × locale content */
                        variants: {
                            /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                            body: string;
                            /** @description Channel */
                            channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                            /** @description Robots: text, markdown or card */
                            format?: "text" | "markdown" | "card" | "html";
                            /** @description Card button / open link (Liquid) */
                            link?: string;
                            /** @description Locale */
                            locale: "zh-CN" | "en" | "he";
                            /** @description Registered provider templates (Aliyun and Tencent send only those) */
                            sms?: {
                                aliyun?: {
                                    /** @description Provider parameter → Liquid */
                                    params: {
                                        [key: string]: string;
                                    };
                                    /** @description Aliyun TemplateCode (SMS_…) */
                                    template_code: string;
                                };
                                tencent?: {
                                    /** @description Ordered parameters (Liquid) */
                                    params: string[];
                                    /** @description Tencent TemplateId */
                                    template_id: string;
                                };
                            };
                            /** @description Subject / title (Liquid; `${name}` works too) */
                            subject?: string;
                            /** @description Email plain-text part (derived from the HTML when absent) */
                            text?: string;
                        }[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                template: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description The version a rollback copied */
                                    based_on: number | null;
                                    /** Format: date-time */
                                    created_at: string;
                                    created_by: string | null;
                                    note: string | null;
                                    /** @description Variables the content reads */
                                    used_variables: string[];
                                    variables: {
                                        /** @description What it holds */
                                        description?: string;
                                        /** @description Variable name */
                                        name: string;
                                        /** @description Sending without it fails (default true) */
                                        required?: boolean;
                                        /** @description Value used by previews */
                                        sample?: unknown;
                                    }[];
                                    variants: {
                                        /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                        body: string;
                                        /** @description Channel */
                                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                        /** @description Robots: text, markdown or card */
                                        format?: "text" | "markdown" | "card" | "html";
                                        /** @description Card button / open link (Liquid) */
                                        link?: string;
                                        /** @description Locale */
                                        locale: "zh-CN" | "en" | "he";
                                        /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                        sms?: {
                                            aliyun?: {
                                                /** @description Provider parameter → Liquid */
                                                params: {
                                                    [key: string]: string;
                                                };
                                                /** @description Aliyun TemplateCode (SMS_…) */
                                                template_code: string;
                                            };
                                            tencent?: {
                                                /** @description Ordered parameters (Liquid) */
                                                params: string[];
                                                /** @description Tencent TemplateId */
                                                template_id: string;
                                            };
                                        };
                                        /** @description Subject / title (Liquid; `${name}` works too) */
                                        subject?: string;
                                        /** @description Email plain-text part (derived from the HTML when absent) */
                                        text?: string;
                                    }[];
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/{code}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed between two versions
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.template.read` (List, view and preview message templates).
         */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description added, removed or changed */
                                change: string;
                                lines: {
                                    /** @description ' ', '-' or '+' */
                                    op: string;
                                    text: string;
                                }[];
                                /** @description channel/locale.field or variables */
                                path: string;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/{code}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a saved version with sample data
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *     - `40042` VARIABLE_MISSING: A variable the template needs was not given (details: variables)
         *     - `40044` RENDER_LIMIT: Rendering went past the time, memory or output bound of the sandbox
         *
         *     Requires permission `notifications.template.read` (List, view and preview message templates).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel */
                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                        /** @description Locale */
                        locale: "zh-CN" | "en" | "he";
                        /** @description Values over the samples */
                        params?: {
                            [key: string]: unknown;
                        };
                        version?: number;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                body: string;
                                /** @description Body size in UTF-8 */
                                bytes: number;
                                format: string;
                                /** @description The channel’s body limit */
                                limit_bytes: number;
                                link: string | null;
                                subject: string | null;
                                text: string | null;
                                /** @description Sending would cut it and append a link */
                                truncated: boolean;
                                /** @description Variables the variant reads */
                                variables: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/{code}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make an earlier version current again (as a new version)
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.template.manage` (Create, edit, roll back and disable message templates).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                template: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description The version a rollback copied */
                                    based_on: number | null;
                                    /** Format: date-time */
                                    created_at: string;
                                    created_by: string | null;
                                    note: string | null;
                                    /** @description Variables the content reads */
                                    used_variables: string[];
                                    variables: {
                                        /** @description What it holds */
                                        description?: string;
                                        /** @description Variable name */
                                        name: string;
                                        /** @description Sending without it fails (default true) */
                                        required?: boolean;
                                        /** @description Value used by previews */
                                        sample?: unknown;
                                    }[];
                                    variants: {
                                        /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                        body: string;
                                        /** @description Channel */
                                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                        /** @description Robots: text, markdown or card */
                                        format?: "text" | "markdown" | "card" | "html";
                                        /** @description Card button / open link (Liquid) */
                                        link?: string;
                                        /** @description Locale */
                                        locale: "zh-CN" | "en" | "he";
                                        /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                        sms?: {
                                            aliyun?: {
                                                /** @description Provider parameter → Liquid */
                                                params: {
                                                    [key: string]: string;
                                                };
                                                /** @description Aliyun TemplateCode (SMS_…) */
                                                template_code: string;
                                            };
                                            tencent?: {
                                                /** @description Ordered parameters (Liquid) */
                                                params: string[];
                                                /** @description Tencent TemplateId */
                                                template_id: string;
                                            };
                                        };
                                        /** @description Subject / title (Liquid; `${name}` works too) */
                                        subject?: string;
                                        /** @description Email plain-text part (derived from the HTML when absent) */
                                        text?: string;
                                    }[];
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/{code}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable or disable a template
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.template.manage` (Create, edit, roll back and disable message templates).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        status: "active" | "disabled";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                template: {
                                    category: string;
                                    code: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    current_version: number;
                                    default_locale: string;
                                    description: string | null;
                                    frequency_limit: number | null;
                                    frequency_window_seconds: number | null;
                                    id: string;
                                    inbox_kind: string;
                                    is_sensitive: boolean;
                                    is_transactional: boolean;
                                    name: string;
                                    status: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                };
                                version: {
                                    /** @description The version a rollback copied */
                                    based_on: number | null;
                                    /** Format: date-time */
                                    created_at: string;
                                    created_by: string | null;
                                    note: string | null;
                                    /** @description Variables the content reads */
                                    used_variables: string[];
                                    variables: {
                                        /** @description What it holds */
                                        description?: string;
                                        /** @description Variable name */
                                        name: string;
                                        /** @description Sending without it fails (default true) */
                                        required?: boolean;
                                        /** @description Value used by previews */
                                        sample?: unknown;
                                    }[];
                                    variants: {
                                        /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                        body: string;
                                        /** @description Channel */
                                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                        /** @description Robots: text, markdown or card */
                                        format?: "text" | "markdown" | "card" | "html";
                                        /** @description Card button / open link (Liquid) */
                                        link?: string;
                                        /** @description Locale */
                                        locale: "zh-CN" | "en" | "he";
                                        /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                        sms?: {
                                            aliyun?: {
                                                /** @description Provider parameter → Liquid */
                                                params: {
                                                    [key: string]: string;
                                                };
                                                /** @description Aliyun TemplateCode (SMS_…) */
                                                template_code: string;
                                            };
                                            tencent?: {
                                                /** @description Ordered parameters (Liquid) */
                                                params: string[];
                                                /** @description Tencent TemplateId */
                                                template_id: string;
                                            };
                                        };
                                        /** @description Subject / title (Liquid; `${name}` works too) */
                                        subject?: string;
                                        /** @description Email plain-text part (derived from the HTML when absent) */
                                        text?: string;
                                    }[];
                                    version: number;
                                };
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version, newest first
         * @description Domain errors:
         *     - `40441` TEMPLATE_NOT_FOUND: No active template has this code
         *
         *     Requires permission `notifications.template.read` (List, view and preview message templates).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Template code */
                    code: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description The version a rollback copied */
                                based_on: number | null;
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                note: string | null;
                                /** @description Variables the content reads */
                                used_variables: string[];
                                variables: {
                                    /** @description What it holds */
                                    description?: string;
                                    /** @description Variable name */
                                    name: string;
                                    /** @description Sending without it fails (default true) */
                                    required?: boolean;
                                    /** @description Value used by previews */
                                    sample?: unknown;
                                }[];
                                variants: {
                                    /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                                    body: string;
                                    /** @description Channel */
                                    channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                                    /** @description Robots: text, markdown or card */
                                    format?: "text" | "markdown" | "card" | "html";
                                    /** @description Card button / open link (Liquid) */
                                    link?: string;
                                    /** @description Locale */
                                    locale: "zh-CN" | "en" | "he";
                                    /** @description Registered provider templates (Aliyun and Tencent send only those) */
                                    sms?: {
                                        aliyun?: {
                                            /** @description Provider parameter → Liquid */
                                            params: {
                                                [key: string]: string;
                                            };
                                            /** @description Aliyun TemplateCode (SMS_…) */
                                            template_code: string;
                                        };
                                        tencent?: {
                                            /** @description Ordered parameters (Liquid) */
                                            params: string[];
                                            /** @description Tencent TemplateId */
                                            template_id: string;
                                        };
                                    };
                                    /** @description Subject / title (Liquid; `${name}` works too) */
                                    subject?: string;
                                    /** @description Email plain-text part (derived from the HTML when absent) */
                                    text?: string;
                                }[];
                                version: number;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render unsaved content (the editor)
         * @description Domain errors:
         *     - `40041` TEMPLATE_INVALID: A template does not parse, uses an undeclared variable or a forbidden construct
         *     - `40042` VARIABLE_MISSING: A variable the template needs was not given (details: variables)
         *     - `40044` RENDER_LIMIT: Rendering went past the time, memory or output bound of the sandbox
         *
         *     Requires permission `notifications.template.read` (List, view and preview message templates).
         */
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
                        /** @description Channel */
                        channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                        /** @description Locale */
                        locale: "zh-CN" | "en" | "he";
                        params?: {
                            [key: string]: unknown;
                        };
                        /** @description Declared variables */
                        variables: {
                            /** @description What it holds */
                            description?: string;
                            /** @description Variable name */
                            name: string;
                            /** @description Sending without it fails (default true) */
                            required?: boolean;
                            /** @description Value used by previews */
                            sample?: unknown;
                        }[];
                        /** @description Channel × locale content */
                        variants: {
                            /** @description Body (Liquid): HTML for email, markdown for in-app, per `format` for robots */
                            body: string;
                            /** @description Channel */
                            channel: "email" | "sms" | "in_app" | "dingtalk" | "feishu" | "wecom" | "webhook";
                            /** @description Robots: text, markdown or card */
                            format?: "text" | "markdown" | "card" | "html";
                            /** @description Card button / open link (Liquid) */
                            link?: string;
                            /** @description Locale */
                            locale: "zh-CN" | "en" | "he";
                            /** @description Registered provider templates (Aliyun and Tencent send only those) */
                            sms?: {
                                aliyun?: {
                                    /** @description Provider parameter → Liquid */
                                    params: {
                                        [key: string]: string;
                                    };
                                    /** @description Aliyun TemplateCode (SMS_…) */
                                    template_code: string;
                                };
                                tencent?: {
                                    /** @description Ordered parameters (Liquid) */
                                    params: string[];
                                    /** @description Tencent TemplateId */
                                    template_id: string;
                                };
                            };
                            /** @description Subject / title (Liquid; `${name}` works too) */
                            subject?: string;
                            /** @description Email plain-text part (derived from the HTML when absent) */
                            text?: string;
                        }[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                body: string;
                                /** @description Body size in UTF-8 */
                                bytes: number;
                                format: string;
                                /** @description The channel’s body limit */
                                limit_bytes: number;
                                link: string | null;
                                subject: string | null;
                                text: string | null;
                                /** @description Sending would cut it and append a link */
                                truncated: boolean;
                                /** @description Variables the variant reads */
                                variables: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an unsubscribe link would stop (changes nothing: mail scanners open links)
         * @description Domain errors:
         *     - `40442` UNSUBSCRIBE_LINK_INVALID: The unsubscribe link is not valid
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                category: string;
                                channel: string;
                                unsubscribed: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Unsubscribe (one click: body `List-Unsubscribe=One-Click`, form or multipart)
         * @description Domain errors:
         *     - `40442` UNSUBSCRIBE_LINK_INVALID: The unsubscribe link is not valid
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                category: string;
                                channel: string;
                                unsubscribed: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/view/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the full text of a truncated message */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                format: string;
                                subject: string | null;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/words": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sensitive-word list
         * @description Requires permission `notifications.word.manage` (Manage the sensitive-word list).
         */
        get: {
            parameters: {
                query: {
                    page: number;
                    page_size: number;
                    q?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    action: string;
                                    created_at: string;
                                    word: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add, change or remove words
         * @description Requires permission `notifications.word.manage` (Manage the sensitive-word list).
         */
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
                        add?: {
                            /** @description block refuses the message; mask stars the word */
                            action: "block" | "mask";
                            word: string;
                        }[];
                        remove?: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                added: number;
                                removed: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/notifications/words/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a text against the list
         * @description Requires permission `notifications.word.manage` (Manage the sensitive-word list).
         */
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
                        text: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                blocked: string | null;
                                masked: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the permission catalogue
         * @description Requires permission `identity.role.read`.
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Action code, e.g. identity.user.read */
                                code: string;
                                description: string;
                                /** @description Declaring module */
                                module: string;
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description Requires permission `identity.role.read`.
         */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Stable role code */
                                code: string;
                                /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                                data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                                /** @description Departments of a custom scope */
                                department_ids: string[];
                                description: string;
                                /** @description Explicit + rule + inherited */
                                effective_permissions: string[];
                                /** @description all / read / none: permissions granted by rule, including future ones */
                                grant_rule: string;
                                id: string;
                                /** @description Seeded role; cannot be deleted */
                                is_system: boolean;
                                /** @description Holders must sign in with a second factor */
                                mfa_required: boolean;
                                name: string;
                                /** @description Parent role code; its permissions are inherited */
                                parent: string | null;
                                /** @description Permissions granted explicitly */
                                permissions: string[];
                            }[];
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a role
         * @description Requires permission `identity.role.create`.
         */
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
                        /** @description Role code (lower case, underscores) */
                        code: string;
                        /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                        data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                        /** @description Departments of a custom scope */
                        department_ids?: string[];
                        /** @description What the role is for */
                        description?: string;
                        /** @description Require a second factor at sign-in */
                        mfa_required?: boolean;
                        /**
                         * Format: display-name
                         * @description Display name (no control or bidirectional-override characters)
                         */
                        name: string;
                        /** @description Parent role code to inherit from */
                        parent?: string | null;
                        /** @description Permission codes; you can only grant permissions you hold */
                        permissions?: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Stable role code */
                                code: string;
                                /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                                data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                                /** @description Departments of a custom scope */
                                department_ids: string[];
                                description: string;
                                /** @description Explicit + rule + inherited */
                                effective_permissions: string[];
                                /** @description all / read / none: permissions granted by rule, including future ones */
                                grant_rule: string;
                                id: string;
                                /** @description Seeded role; cannot be deleted */
                                is_system: boolean;
                                /** @description Holders must sign in with a second factor */
                                mfa_required: boolean;
                                name: string;
                                /** @description Parent role code; its permissions are inherited */
                                parent: string | null;
                                /** @description Permissions granted explicitly */
                                permissions: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a role
         * @description Requires permission `identity.role.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Role id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Stable role code */
                                code: string;
                                /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                                data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                                /** @description Departments of a custom scope */
                                department_ids: string[];
                                description: string;
                                /** @description Explicit + rule + inherited */
                                effective_permissions: string[];
                                /** @description all / read / none: permissions granted by rule, including future ones */
                                grant_rule: string;
                                id: string;
                                /** @description Seeded role; cannot be deleted */
                                is_system: boolean;
                                /** @description Holders must sign in with a second factor */
                                mfa_required: boolean;
                                name: string;
                                /** @description Parent role code; its permissions are inherited */
                                parent: string | null;
                                /** @description Permissions granted explicitly */
                                permissions: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a role
         * @description Requires permission `identity.role.delete`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Role id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                deleted: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a role
         * @description Requires permission `identity.role.update`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Role id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                        data_scope?: "own" | "department" | "department_tree" | "all" | "custom";
                        /** @description Departments of a custom scope */
                        department_ids?: string[];
                        /** @description What the role is for */
                        description?: string;
                        /** @description Require a second factor at sign-in */
                        mfa_required?: boolean;
                        /**
                         * Format: display-name
                         * @description Display name (no control or bidirectional-override characters)
                         */
                        name?: string;
                        /** @description Parent role code */
                        parent?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Stable role code */
                                code: string;
                                /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                                data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                                /** @description Departments of a custom scope */
                                department_ids: string[];
                                description: string;
                                /** @description Explicit + rule + inherited */
                                effective_permissions: string[];
                                /** @description all / read / none: permissions granted by rule, including future ones */
                                grant_rule: string;
                                id: string;
                                /** @description Seeded role; cannot be deleted */
                                is_system: boolean;
                                /** @description Holders must sign in with a second factor */
                                mfa_required: boolean;
                                name: string;
                                /** @description Parent role code; its permissions are inherited */
                                parent: string | null;
                                /** @description Permissions granted explicitly */
                                permissions: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/roles/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a role’s own permissions
         * @description Requires permission `identity.role.update`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Role id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Permission codes; you can only grant permissions you hold */
                        permissions: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /** @description Stable role code */
                                code: string;
                                /** @description Rows the role sees: own, department, department_tree (and children), all, custom (department_ids) */
                                data_scope: "own" | "department" | "department_tree" | "all" | "custom";
                                /** @description Departments of a custom scope */
                                department_ids: string[];
                                description: string;
                                /** @description Explicit + rule + inherited */
                                effective_permissions: string[];
                                /** @description all / read / none: permissions granted by rule, including future ones */
                                grant_rule: string;
                                id: string;
                                /** @description Seeded role; cannot be deleted */
                                is_system: boolean;
                                /** @description Holders must sign in with a second factor */
                                mfa_required: boolean;
                                name: string;
                                /** @description Parent role code; its permissions are inherited */
                                parent: string | null;
                                /** @description Permissions granted explicitly */
                                permissions: string[];
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List online sessions
         * @description Requires permission `identity.session.read`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Sort field, '-' for descending: last_seen_at, created_at */
                    sort: "last_seen_at" | "-last_seen_at" | "created_at" | "-created_at";
                    /** @description Only this user’s sessions */
                    user_id?: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    /** @description How the session signed in (password, password+totp, ...) */
                                    auth_method: string;
                                    created_at: string;
                                    /** @description This is the caller’s own session */
                                    current: boolean;
                                    expires_at: string;
                                    full_name: string;
                                    id: string;
                                    ip: string;
                                    /** @description Last activity (updated at most once a minute) */
                                    last_seen_at: string;
                                    user_agent: string;
                                    user_id: string;
                                    username: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a session
         * @description Requires permission `identity.session.kick`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Session id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                revoked: boolean;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description A page of the users within the caller’s data scope.
         *
         *     Requires permission `identity.user.read`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Only this department */
                    department_id?: string;
                    /** @description Page number, from 1 */
                    page: number;
                    /** @description Items per page (1–100) */
                    page_size: number;
                    /** @description Filter by username or name (contains) */
                    q?: string;
                    /** @description Sort field, '-' for descending: created_at, username, full_name */
                    sort: "created_at" | "-created_at" | "username" | "-username" | "full_name" | "-full_name";
                    status?: "active" | "locked" | "disabled";
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                items: {
                                    created_at: string;
                                    /** @description Department */
                                    department_id: string | null;
                                    disabled_at: string | null;
                                    /** @description Email address */
                                    email: string | null;
                                    /** @description Full legal name (used in signature manifestations) */
                                    full_name: string;
                                    /** @description Immutable id, never reused */
                                    id: string;
                                    /** @description Identity assurance level (e.g. internal, verified) */
                                    identity_level: string;
                                    last_login_at: string | null;
                                    /** @description End of a lockout after failed sign-ins */
                                    locked_until: string | null;
                                    /** @description The user must set a new password */
                                    must_change_password: boolean;
                                    /** @description Phone; masked (138****1234) without user.phone.view */
                                    phone: string | null;
                                    /** @description Role codes */
                                    roles: string[];
                                    /** @description active, locked or disabled */
                                    status: string;
                                    updated_at: string;
                                    /** @description Unique sign-in name (lower case) */
                                    username: string;
                                }[];
                                page: number;
                                page_size: number;
                                /** @description Number of pages */
                                pages: number;
                                /** @description Items across all pages */
                                total: number;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user (the user sets a password through the mailed link)
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *     - `40307` DEPARTMENT_OUTSIDE_SCOPE: A department the caller assigns must lie within the caller’s data scope
         *
         *     Requires permission `identity.user.create`.
         */
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
                        /**
                         * Format: uuid
                         * @description Department id
                         */
                        department_id?: string;
                        /**
                         * Format: email
                         * @description Email address
                         */
                        email: string;
                        /**
                         * Format: display-name
                         * @description Full legal name (used in signature manifestations) (no control or bidirectional-override characters)
                         */
                        full_name: string;
                        /** @description Identity assurance level */
                        identity_level?: string;
                        /** @description Phone number */
                        phone?: string;
                        /** @description Role codes; you can only grant roles whose permissions you hold yourself */
                        roles?: string[];
                        /** @description Sign-in name: 3–64 letters, digits, dot, dash, underscore (stored lower case) */
                        username: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description How the user receives the link to set their password (null: no email address) */
                                password_setup: {
                                    /** @enum {string} */
                                    delivery: "email";
                                    expires_at: string;
                                } | null;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a user
         * @description A user outside the caller’s data scope does not exist (404).
         *
         *     Requires permission `identity.user.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Disable a user (accounts are never deleted)
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *
         *     Requires permission `identity.user.disable`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user’s profile
         * @description Profile fields only; changing the email needs a step-up proof.
         *
         *     Domain errors:
         *     - `40302` REAUTHENTICATION_REQUIRED: A sensitive action needs a fresh step-up proof (X-Step-Up-Proof) of the caller’s session
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *     - `40306` SELF_CHANGE: Nobody changes their own department, roles or scope
         *     - `40307` DEPARTMENT_OUTSIDE_SCOPE: A department the caller assigns must lie within the caller’s data scope
         *
         *     Requires permission `identity.user.update`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Single-use proof from POST /auth/step-up; required to change another user’s email, reset their password or remove their MFA */
                    "x-step-up-proof"?: string;
                };
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        department_id?: string | null;
                        /**
                         * Format: email
                         * @description Email address
                         */
                        email?: string;
                        /**
                         * Format: display-name
                         * @description Full legal name (used in signature manifestations) (no control or bidirectional-override characters)
                         */
                        full_name?: string;
                        /** @description Identity assurance level */
                        identity_level?: string;
                        phone?: string | null;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *
         *     Requires permission `identity.user.disable`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled user
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *
         *     Requires permission `identity.user.disable`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/users/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a user
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *
         *     Requires permission `identity.user.disable`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/users/{id}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user’s lost authenticator
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *     - `40302` REAUTHENTICATION_REQUIRED: A sensitive action needs a fresh step-up proof (X-Step-Up-Proof) of the caller’s session
         *
         *     Requires permission `identity.user.update`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Single-use proof from POST /auth/step-up; required to change another user’s email, reset their password or remove their MFA */
                    "x-step-up-proof"?: string;
                };
                path: {
                    /** @description User id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a user a password reset link
         * @description The administrator sees no password; needs a step-up proof.
         *
         *     Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *     - `40302` REAUTHENTICATION_REQUIRED: A sensitive action needs a fresh step-up proof (X-Step-Up-Proof) of the caller’s session
         *
         *     Requires permission `identity.user.reset_password`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Single-use proof from POST /auth/step-up; required to change another user’s email, reset their password or remove their MFA */
                    "x-step-up-proof"?: string;
                };
                path: {
                    /** @description User id */
                    id: string;
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                /**
                                 * @description The link went to the user’s email address
                                 * @enum {string}
                                 */
                                delivery: "email";
                                /** @description When the link expires */
                                expires_at: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a user’s roles
         * @description Never grants more than the caller holds; nobody changes their own roles.
         *
         *     Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *     - `40306` SELF_CHANGE: Nobody changes their own department, roles or scope
         *
         *     Requires permission `identity.user.update`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Role codes; you can only grant roles whose permissions you hold yourself */
                        roles: string[];
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a user (clearing any lockout)
         * @description Domain errors:
         *     - `40305` TARGET_OUTRANKS_ACTOR: The user acted on holds permissions or sees data the caller does not
         *
         *     Requires permission `identity.user.disable`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept in the audit trail) */
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
                            /** @enum {number} */
                            code: 0;
                            data: {
                                created_at: string;
                                /** @description Department */
                                department_id: string | null;
                                disabled_at: string | null;
                                /** @description Email address */
                                email: string | null;
                                /** @description Full legal name (used in signature manifestations) */
                                full_name: string;
                                /** @description Immutable id, never reused */
                                id: string;
                                /** @description Identity assurance level (e.g. internal, verified) */
                                identity_level: string;
                                last_login_at: string | null;
                                /** @description End of a lockout after failed sign-ins */
                                locked_until: string | null;
                                /** @description The user must set a new password */
                                must_change_password: boolean;
                                /** @description Phone; masked (138****1234) without user.phone.view */
                                phone: string | null;
                                /** @description Role codes */
                                roles: string[];
                                /** @description active, locked or disabled */
                                status: string;
                                updated_at: string;
                                /** @description Unique sign-in name (lower case) */
                                username: string;
                            };
                            message: string;
                            /** @description Server time, milliseconds since the epoch */
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description API error code, e.g. 40001 validation, 40401 not found */
                            code: number;
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description Field-level problems */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            message: string;
                            request_id?: string;
                            timestamp: number;
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
    "/health": {
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
                            version: string;
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
    "/ready": {
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
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                detail?: string;
                                name: string;
                                ok: boolean;
                            }[];
                            status: string;
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
