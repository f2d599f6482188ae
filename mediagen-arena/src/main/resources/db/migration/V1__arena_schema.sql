-- Arena schema (Pick-a-Pic's tables: users, images, rankings, downloads; plus sessions and pairs).
-- One DDL for SQLite and PostgreSQL: the two vendor differences are Flyway placeholders
-- (${id_pk}: an auto-assigned BIGINT key; ${blob}: bytes). Times are BIGINT epoch milliseconds (UTC);
-- flags are INTEGER 0/1. Every statement the app runs binds its values as parameters.

CREATE TABLE users (
  user_id ${id_pk},
  username VARCHAR(64) NOT NULL UNIQUE,
  password_hash VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL,
  consented_at BIGINT,
  blocked INTEGER NOT NULL DEFAULT 0,
  blocked_reason VARCHAR(200)
);

-- session_id holds the SHA-256 of the cookie value, so a copy of the table does not log anyone in
CREATE TABLE sessions (
  session_id VARCHAR(64) PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  csrf_token VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE images (
  image_id ${id_pk},
  image_uid VARCHAR(36) NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  job_id VARCHAR(36) NOT NULL,
  prompt TEXT NOT NULL,
  seed BIGINT NOT NULL,
  gs REAL,
  steps INTEGER,
  model_id VARCHAR(100) NOT NULL,
  is_control INTEGER NOT NULL DEFAULT 0,
  shown INTEGER NOT NULL DEFAULT 0,
  png ${blob} NOT NULL
);
CREATE INDEX images_pool ON images (user_id, shown);
CREATE INDEX images_created ON images (user_id, created_at);

-- a pair shown to a user; incumbent_uid is the image kept from the previous round (king of the hill)
CREATE TABLE pairs (
  pair_id VARCHAR(36) PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  prompt TEXT NOT NULL,
  image_0_uid VARCHAR(36) NOT NULL,
  image_1_uid VARCHAR(36) NOT NULL,
  incumbent_uid VARCHAR(36),
  control_uid VARCHAR(36),
  created_at BIGINT NOT NULL,
  voted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pairs_open ON pairs (user_id, voted);

-- one row per judgement; best_image_uid is 'none' for a tie; pair_id UNIQUE makes a vote exactly-once
CREATE TABLE rankings (
  ranking_id ${id_pk},
  pair_id VARCHAR(36) NOT NULL UNIQUE REFERENCES pairs (pair_id),
  created_at BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  image_0_uid VARCHAR(36) NOT NULL,
  image_1_uid VARCHAR(36) NOT NULL,
  best_image_uid VARCHAR(36) NOT NULL,
  kept_uid VARCHAR(36) NOT NULL,
  prompt TEXT NOT NULL,
  is_control INTEGER NOT NULL DEFAULT 0,
  control_failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rankings_user ON rankings (user_id, ranking_id);

CREATE TABLE downloads (
  download_id ${id_pk},
  created_at BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  image_uid VARCHAR(36) NOT NULL,
  prompt TEXT NOT NULL
);
