-- jwtee refresh-token tables for MariaDB (tested on 10.11), InnoDB.
-- The jwtee persistence unit creates tables when they are missing, but with the database's
-- default collation, which on MariaDB usually ignores case: revoking the tokens of "Alice"
-- would then revoke those of "alice" too. Create the tables with this script instead: it
-- compares hashes and ids byte by byte (ascii_bin) and subjects exactly (utf8mb4_bin).
-- Only SHA-256 hashes of refresh tokens are stored, never the tokens. Times are epoch
-- milliseconds (UTC). The store works at the default REPEATABLE READ isolation.

-- One row per sign-in: the family of tokens rotated from it. Rotations and revocations lock
-- this row first.
CREATE TABLE IF NOT EXISTS jwtee_refresh_family (
    family_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject    VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT jwtee_refresh_family_pk PRIMARY KEY (family_id),
    INDEX jwtee_refresh_family_subject (subject)
) ENGINE = InnoDB;

-- One row per refresh token, keyed by the base64url SHA-256 of the token. state is ACTIVE,
-- ROTATED, REPLACED or REVOKED; successor_hash points from a rotated token to its successor.
CREATE TABLE IF NOT EXISTS jwtee_refresh_token (
    token_hash        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    family_id         VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject           VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    claims_json       VARCHAR(4000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    issued_at         BIGINT        NOT NULL,
    expires_at        BIGINT        NOT NULL,
    family_expires_at BIGINT        NOT NULL,
    state             VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state_changed_at  BIGINT        NOT NULL,
    successor_hash    VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT jwtee_refresh_token_pk PRIMARY KEY (token_hash),
    INDEX jwtee_refresh_token_family (family_id),
    INDEX jwtee_refresh_token_subject (subject)
) ENGINE = InnoDB;
