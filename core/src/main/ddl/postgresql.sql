-- jwtee refresh-token tables for PostgreSQL (tested on 15).
-- The jwtee persistence unit creates the same tables when they are missing; run this script
-- instead to create them up front, for example as a DBA with rights the application lacks.
-- Only SHA-256 hashes of refresh tokens are stored, never the tokens. Times are epoch
-- milliseconds (UTC). Base64url values are case-sensitive, as PostgreSQL compares text.

-- One row per sign-in: the family of tokens rotated from it. Rotations and revocations lock
-- this row first.
CREATE TABLE IF NOT EXISTS jwtee_refresh_family (
    family_id  VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT jwtee_refresh_family_pk PRIMARY KEY (family_id)
);

CREATE INDEX IF NOT EXISTS jwtee_refresh_family_subject
    ON jwtee_refresh_family (subject);

-- One row per refresh token, keyed by the base64url SHA-256 of the token. state is ACTIVE,
-- ROTATED, REPLACED or REVOKED; successor_hash points from a rotated token to its successor.
CREATE TABLE IF NOT EXISTS jwtee_refresh_token (
    token_hash        VARCHAR(64)   NOT NULL,
    family_id         VARCHAR(64)   NOT NULL,
    subject           VARCHAR(255)  NOT NULL,
    claims_json       VARCHAR(4000) NOT NULL,
    issued_at         BIGINT        NOT NULL,
    expires_at        BIGINT        NOT NULL,
    family_expires_at BIGINT        NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    state_changed_at  BIGINT        NOT NULL,
    successor_hash    VARCHAR(64),
    CONSTRAINT jwtee_refresh_token_pk PRIMARY KEY (token_hash)
);

CREATE INDEX IF NOT EXISTS jwtee_refresh_token_family
    ON jwtee_refresh_token (family_id);

CREATE INDEX IF NOT EXISTS jwtee_refresh_token_subject
    ON jwtee_refresh_token (subject);
