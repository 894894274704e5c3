-- V7: multicast (org.fenestra.distribution, issue 21): an image's distribution settings, the
-- minimal deployment record the "only via multicast" rule is checked against, and each DP's
-- multicast settings. Portable SQL (H2 2.x and PostgreSQL 12+).

-- Configuration Manager's Distribution Settings tab, per image. No row: all three off.
CREATE TABLE image_distribution_setting (
    image_id        VARCHAR(16) NOT NULL,
    allow_multicast BOOLEAN     NOT NULL,
    encrypt_multicast BOOLEAN   NOT NULL,
    -- only when allow_multicast, and only while every deployment of the image downloads locally
    only_multicast  BOOLEAN     NOT NULL,
    CONSTRAINT pk_image_distribution_setting PRIMARY KEY (image_id),
    CONSTRAINT fk_image_distribution_setting_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE,
    CONSTRAINT ck_image_distribution_setting_only CHECK (allow_multicast OR NOT only_multicast)
);

-- A deployment of an image to clients; download_locally is "download content locally when needed
-- by the running task sequence" (a client that streams from the DP cannot receive by multicast).
CREATE TABLE deployment (
    deployment_id   VARCHAR(16)   NOT NULL,
    image_id        VARCHAR(16)   NOT NULL,
    -- the target clients (names or a collection), comma-separated
    target_clients  VARCHAR(4000) NOT NULL,
    download_locally BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_deployment PRIMARY KEY (deployment_id),
    CONSTRAINT fk_deployment_image FOREIGN KEY (image_id) REFERENCES os_image (image_id) ON DELETE CASCADE
);

-- A DP's multicast settings. No row: multicast off.
CREATE TABLE dp_multicast (
    dp_name         VARCHAR(64)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    -- the session group addresses, inside 239.0.0.0/8, and UDP ports
    address_first   VARCHAR(15)  NOT NULL,
    address_last    VARCHAR(15)  NOT NULL,
    port_first      INTEGER      NOT NULL,
    port_last       INTEGER      NOT NULL,
    max_clients     INTEGER      NOT NULL,
    max_rate_mbps   INTEGER      NOT NULL,
    -- AUTO_CAST: a session starts when a client asks; SCHEDULED_CAST: at scheduled_clients
    -- clients or at scheduled_at, whichever comes first (either may be absent, not both)
    session_start   VARCHAR(16)  NOT NULL,
    scheduled_clients INTEGER    NOT NULL,
    scheduled_at    TIMESTAMP WITH TIME ZONE,
    -- NONE, DISCONNECT (slow_client_value: MB/s) or STREAMS (slow_client_value: 2 or 3)
    slow_client_policy VARCHAR(16) NOT NULL,
    slow_client_value INTEGER    NOT NULL,
    CONSTRAINT pk_dp_multicast PRIMARY KEY (dp_name),
    CONSTRAINT fk_dp_multicast_dp FOREIGN KEY (dp_name) REFERENCES distribution_point (dp_name) ON DELETE CASCADE,
    CONSTRAINT ck_dp_multicast_start CHECK (session_start IN ('AUTO_CAST', 'SCHEDULED_CAST')),
    CONSTRAINT ck_dp_multicast_slow CHECK (slow_client_policy IN ('NONE', 'DISCONNECT', 'STREAMS'))
);
