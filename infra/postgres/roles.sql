-- Least-privilege PostgreSQL roles for a production TipLine database.
--
-- Each module owns one schema (intake, routing, teams, directory, attachments) holding its own tables,
-- including its outbox_messages and inbox_messages. Modules talk only through the bus, so a
-- module's role reaches its own schema and, read-mostly, the shared directory; nothing else.
--
--   tipline_owner    owns the schemas and every table in them; used only by the migrate
--                    step (TipLine --target migrate), never by a running module
--   tipline_intake   intake: read/write           directory: read      routing, teams: none
--   tipline_routing  routing: read/write          directory: read      intake, teams: none
--   tipline_teams    teams: read/write            directory: read, insert, update (schedule
--                    administration)              intake, routing: none
--   attachments      files of reports (a voicemail's disguised copy): intake writes them,
--                    teams reads them (read, insert, delete for intake; read for teams)
--
-- No module role can change the schema (no CREATE, no ownership): only the migrate step does.
-- Each schema keeps its migration history in its own "__EFMigrationsHistory" table, which the
-- module roles can read, so a running module can check that its schema is current.
--
-- Order of work:
--   1. run this script: creates the roles and the five schemas, owned by tipline_owner, with
--      the grants below (also for tables created later, through default privileges);
--   2. run the migrate step connected as tipline_owner
--      (ConnectionStrings__TipLine or ConnectionStrings__Migrate, then TipLine --target migrate);
--   3. run this script again: makes teams.audit_entries append-only for tipline_teams as well
--      (its triggers refuse UPDATE, DELETE and TRUNCATE for everyone);
--   4. run each module connected as its own role (split targets: --target intake|routing|teams).
-- Run steps 2 and 3 again on every upgrade. The script is idempotent.
--
-- Run as a superuser (or a role with CREATEROLE), connected to the TipLine database.
-- Passwords are psql variables so they stay out of this file:
--
--   psql -d tipline -v ON_ERROR_STOP=1 \
--        -v owner_password="$OWNER_PW" -v intake_password="$INTAKE_PW" \
--        -v routing_password="$ROUTING_PW" -v teams_password="$TEAMS_PW" \
--        -f infra/postgres/roles.sql
--
-- A password variable left out keeps that role's current password (set it later with
-- psql's \password ROLE, which never sends it in clear text). ALTER ROLE ... PASSWORD lands
-- in the server log when log_statement is 'ddl' or 'all'.

\set ON_ERROR_STOP on
-- One transaction: a re-run never exposes a half-applied state (e.g. audit rows updatable).
BEGIN;

-- Roles ------------------------------------------------------------------------------------
SELECT format('CREATE ROLE %I LOGIN', r)
FROM unnest(ARRAY['tipline_owner', 'tipline_intake', 'tipline_routing', 'tipline_teams']) AS r
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r)
\gexec

-- None of them can do more than its job: not superuser, no role or database creation.
ALTER ROLE tipline_owner   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE tipline_intake  LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE tipline_routing LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE tipline_teams   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

\if :{?owner_password}
ALTER ROLE tipline_owner PASSWORD :'owner_password';
\else
\warn 'owner_password not given: tipline_owner keeps its current password'
\endif
\if :{?intake_password}
ALTER ROLE tipline_intake PASSWORD :'intake_password';
\else
\warn 'intake_password not given: tipline_intake keeps its current password'
\endif
\if :{?routing_password}
ALTER ROLE tipline_routing PASSWORD :'routing_password';
\else
\warn 'routing_password not given: tipline_routing keeps its current password'
\endif
\if :{?teams_password}
ALTER ROLE tipline_teams PASSWORD :'teams_password';
\else
\warn 'teams_password not given: tipline_teams keeps its current password'
\endif

-- Database ---------------------------------------------------------------------------------
-- Only TipLine roles may connect; only tipline_owner may create schemas; nobody creates
-- objects in the public schema.
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"DBNAME" TO tipline_owner, tipline_intake, tipline_routing, tipline_teams;
GRANT CREATE ON DATABASE :"DBNAME" TO tipline_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Who gets what in which schema ------------------------------------------------------------
CREATE TEMP TABLE tipline_grants (
  schema_name text, role_name text, table_privs text, sequence_privs text
) ON COMMIT DROP;
INSERT INTO tipline_grants VALUES
  -- each module: read/write on its own schema (outbox and inbox included); identity
  -- columns draw from sequences
  ('intake',    'tipline_intake',  'SELECT, INSERT, UPDATE, DELETE', 'USAGE, SELECT'),
  ('routing',   'tipline_routing', 'SELECT, INSERT, UPDATE, DELETE', 'USAGE, SELECT'),
  ('teams',     'tipline_teams',   'SELECT, INSERT, UPDATE, DELETE', 'USAGE, SELECT'),
  -- directory: read for every module, schedule administration for teams (deletes: phone numbers only, below)
  ('directory', 'tipline_intake',  'SELECT',                         NULL),
  ('directory', 'tipline_routing', 'SELECT',                         NULL),
  ('directory', 'tipline_teams',   'SELECT, INSERT, UPDATE',         'USAGE, SELECT'),
  -- attachments: written by intake, read by teams
  ('attachments', 'tipline_intake', 'SELECT, INSERT, DELETE',        NULL),
  ('attachments', 'tipline_teams',  'SELECT',                        NULL);

-- The module schemas, owned by tipline_owner; the migrate step creates their tables.
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION tipline_owner', s)
FROM unnest(ARRAY['intake', 'routing', 'teams', 'directory', 'attachments']) AS s
\gexec
CREATE TEMP TABLE tipline_schemas ON COMMIT DROP AS
  SELECT nspname AS schema_name FROM pg_namespace
  WHERE nspname IN ('intake', 'routing', 'teams', 'directory', 'attachments');

-- Ownership: everything in the module schemas belongs to tipline_owner, also when the
-- schema was first created by another role. (Sequences of identity columns follow their table.)
SELECT format('ALTER SCHEMA %I OWNER TO tipline_owner', schema_name) FROM tipline_schemas
\gexec
SELECT format('ALTER TABLE %I.%I OWNER TO tipline_owner', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (SELECT schema_name FROM tipline_schemas)
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND pg_get_userbyid(c.relowner) <> 'tipline_owner'
\gexec
-- Functions too (the audit log's trigger function), so a later migration can replace them as tipline_owner.
SELECT format('ALTER FUNCTION %I.%I(%s) OWNER TO tipline_owner', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN (SELECT schema_name FROM tipline_schemas) AND p.prokind = 'f'
  AND pg_get_userbyid(p.proowner) <> 'tipline_owner'
\gexec

-- Start from nothing, then grant exactly the table above ------------------------------------
SELECT format('REVOKE ALL ON SCHEMA %1$I FROM PUBLIC, tipline_intake, tipline_routing, tipline_teams', schema_name)
FROM tipline_schemas
\gexec
SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA %1$I FROM PUBLIC, tipline_intake, tipline_routing, tipline_teams', schema_name)
FROM tipline_schemas
\gexec
SELECT format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %1$I FROM PUBLIC, tipline_intake, tipline_routing, tipline_teams', schema_name)
FROM tipline_schemas
\gexec

SELECT format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, role_name)
FROM tipline_grants JOIN tipline_schemas USING (schema_name)
\gexec
SELECT format('GRANT %s ON ALL TABLES IN SCHEMA %I TO %I', table_privs, schema_name, role_name)
FROM tipline_grants JOIN tipline_schemas USING (schema_name)
\gexec
SELECT format('GRANT %s ON ALL SEQUENCES IN SCHEMA %I TO %I', sequence_privs, schema_name, role_name)
FROM tipline_grants JOIN tipline_schemas USING (schema_name)
WHERE sequence_privs IS NOT NULL
\gexec

-- Tables tipline_owner creates later get the same grants -----------------------------------
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE tipline_owner IN SCHEMA %I REVOKE ALL ON %s FROM tipline_intake, tipline_routing, tipline_teams', schema_name, kind)
FROM tipline_schemas, unnest(ARRAY['TABLES', 'SEQUENCES']) AS kind
\gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE tipline_owner IN SCHEMA %I GRANT %s ON TABLES TO %I', schema_name, table_privs, role_name)
FROM tipline_grants JOIN tipline_schemas USING (schema_name)
\gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE tipline_owner IN SCHEMA %I GRANT %s ON SEQUENCES TO %I', schema_name, sequence_privs, role_name)
FROM tipline_grants JOIN tipline_schemas USING (schema_name)
WHERE sequence_privs IS NOT NULL
\gexec

-- Functions tipline_owner creates are not callable by everyone.
ALTER DEFAULT PRIVILEGES FOR ROLE tipline_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The teams audit trail is append-only -----------------------------------------------------
-- The grants above give tipline_teams UPDATE and DELETE on every teams table, so they are
-- taken back for teams.audit_entries: entries can be written and read, never changed or
-- removed (equivalent to REVOKE UPDATE, DELETE ON teams.audit_entries FROM tipline_teams).
SELECT 'REVOKE UPDATE, DELETE, TRUNCATE ON teams.audit_entries FROM tipline_teams'
WHERE to_regclass('teams.audit_entries') IS NOT NULL
\gexec
-- Its chain (see the AuditChain migration): the insert trigger, owned by tipline_owner, alone
-- moves the chain's head; tipline_teams may read it and recompute digests to check the chain.
SELECT 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON teams.audit_chain_head FROM tipline_teams'
WHERE to_regclass('teams.audit_chain_head') IS NOT NULL
\gexec
SELECT format('GRANT EXECUTE ON FUNCTION %s TO tipline_teams', f)
FROM unnest(ARRAY['teams.audit_genesis()', 'teams.audit_digest(bytea, teams.audit_entries)']) AS f
WHERE to_regclass('teams.audit_chain_head') IS NOT NULL
\gexec

-- A district administrator takes a phone number out of service: of the directory, teams may
-- delete those rows alone (a text or call to a number no longer listed is kept, and the reporter
-- is asked for the school, as on the district's shared number).
SELECT 'GRANT DELETE ON directory.channel_numbers TO tipline_teams'
WHERE to_regclass('directory.channel_numbers') IS NOT NULL
\gexec

COMMIT;
