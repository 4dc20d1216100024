-- A district database made by TipLine fa25f38, the last release before schema migrations (its
-- schema was created at start-up from the EF model). pg_dump --no-owner --no-privileges --inserts,
-- with psql's \restrict lines removed so it runs as plain SQL. Test data only: demo district,
-- fake numbers. Used by Database/MigrationTests.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE SCHEMA attachments;

CREATE SCHEMA directory;

CREATE SCHEMA intake;

CREATE SCHEMA routing;

CREATE SCHEMA teams;

CREATE FUNCTION teams.audit_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE attachments.files (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Content" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE directory.channel_numbers (
    "Number" character varying(20) NOT NULL,
    "SchoolId" uuid
);

CREATE TABLE directory.on_call_overrides (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid NOT NULL,
    "RemovedAt" timestamp with time zone,
    "RemovedBy" uuid
);

CREATE TABLE directory.rotations (
    "TeamId" uuid NOT NULL,
    "MemberIds" uuid[] NOT NULL,
    "Interval" character varying(10) NOT NULL,
    "HandoffTime" time without time zone NOT NULL,
    "TimeZone" character varying(64) NOT NULL,
    "StartDate" date NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" uuid NOT NULL
);

CREATE TABLE directory.schools (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Code" character varying(20) NOT NULL,
    "TeamId" uuid NOT NULL,
    "IsDistrictWide" boolean NOT NULL
);

CREATE TABLE directory.team_members (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "DisplayName" character varying(200) NOT NULL,
    "Role" character varying(40) NOT NULL,
    "RotationOrder" integer NOT NULL,
    "AlertPhone" character varying(20),
    "AlertEmail" character varying(320),
    "TimeZone" character varying(64) DEFAULT 'UTC'::character varying NOT NULL
);

CREATE TABLE directory.teams (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "WorkingLanguage" character varying(20) NOT NULL
);

CREATE TABLE intake.email_attachments (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "MessageKey" character varying(80) NOT NULL,
    "Index" integer NOT NULL,
    "AttachmentId" uuid,
    "OriginalContentType" character varying(100) NOT NULL,
    "SealedOriginal" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PurgeAfter" timestamp with time zone NOT NULL
);

CREATE TABLE intake.email_cursors (
    "Mailbox" character varying(200) NOT NULL,
    "UidValidity" bigint NOT NULL,
    "LastUid" bigint NOT NULL
);

CREATE TABLE intake.email_inbound (
    "Mailbox" character varying(200) NOT NULL,
    "UidValidity" bigint NOT NULL,
    "Uid" bigint NOT NULL,
    "MessageKey" character varying(80) NOT NULL,
    "Outcome" character varying(40) NOT NULL,
    "ReportId" uuid,
    "ReceivedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.email_pending (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "QuestionId" uuid,
    "Text" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL
);

CREATE TABLE intake.email_thread_messages (
    "MessageKey" character varying(80) NOT NULL,
    "ReportId" uuid NOT NULL
);

CREATE TABLE intake.email_threads (
    "ReportId" uuid NOT NULL,
    "ReporterKey" character varying(64) NOT NULL,
    "Mailbox" character varying(200) NOT NULL,
    "OurAddress" character varying(320) NOT NULL,
    "Subject" character varying(200) NOT NULL,
    "Language" character varying(20) NOT NULL,
    "References" text NOT NULL
);

CREATE TABLE intake.followup_messages (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "FromReporter" boolean NOT NULL,
    "Text" text NOT NULL,
    "Language" character varying(20) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.inbox_messages (
    message_id uuid NOT NULL,
    consumer character varying(200) NOT NULL,
    processed_at timestamp with time zone NOT NULL
);

CREATE TABLE intake.mms_media (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "MessageSid" character varying(64) NOT NULL,
    "MediaIndex" integer NOT NULL,
    "AttachmentId" uuid,
    "OriginalContentType" character varying(100) NOT NULL,
    "SealedOriginal" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PurgeAfter" timestamp with time zone NOT NULL
);

CREATE TABLE intake.mms_pending (
    "Id" uuid NOT NULL,
    "MessageSid" character varying(64) NOT NULL,
    "MediaIndex" integer NOT NULL,
    "MediaUrl" text NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "ReportId" uuid,
    "HeldSmsId" uuid,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LastError" text
);

CREATE TABLE intake.outbox_messages (
    id uuid NOT NULL,
    message_type character varying(200) NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    last_error character varying(500)
);

CREATE TABLE intake.receipts (
    "ReportId" uuid NOT NULL,
    "CodeLookup" bytea NOT NULL,
    "PassphraseHash" bytea NOT NULL,
    "Salt" bytea NOT NULL,
    "Iterations" integer NOT NULL,
    "FailedAttempts" integer NOT NULL,
    "LockedUntil" timestamp with time zone
);

CREATE TABLE intake.reports (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Channel" character varying(20) NOT NULL,
    "ProviderKey" character varying(200) NOT NULL,
    "Pseudonym" character varying(20) NOT NULL,
    "Language" character varying(20) NOT NULL,
    "WhatHappened" text NOT NULL,
    "WhoIsInvolved" text,
    "WhenAndWhere" text,
    "DangerNow" boolean NOT NULL,
    "AcceptedAt" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "CaseOpenedAt" timestamp with time zone,
    "LastRepublishedAt" timestamp with time zone
);

CREATE TABLE intake.sealed_contacts (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "Channel" character varying(20) NOT NULL,
    "Sealed" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PurgeAfter" timestamp with time zone NOT NULL
);

CREATE TABLE intake.sms_deliveries (
    "QuestionId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "MessageSid" text,
    "Status" text NOT NULL,
    "ErrorCode" integer,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.sms_held (
    "Id" uuid NOT NULL,
    "MessageSid" text NOT NULL,
    "ReporterKey" character varying(64) NOT NULL,
    "Text" text NOT NULL,
    "Language" text NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "OurNumber" character varying(20),
    "SealedFrom" bytea
);

CREATE TABLE intake.sms_inbound (
    "MessageSid" character varying(64) NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.sms_opt_outs (
    "ReporterKey" character varying(64) NOT NULL,
    "OptedOutAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.sms_threads (
    "ReportId" uuid NOT NULL,
    "ReporterKey" character varying(64) NOT NULL,
    "OurNumber" character varying(20) NOT NULL,
    "LastMessageAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.voice_calls (
    "CallSid" character varying(64) NOT NULL,
    "CalledNumber" character varying(20) NOT NULL,
    "SealedCaller" bytea,
    "StartedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.voice_recordings (
    "RecordingSid" character varying(64) NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL
);

CREATE TABLE intake.voicemail_pending (
    "RecordingSid" character varying(64) NOT NULL,
    "CallSid" character varying(64) NOT NULL,
    "RecordingUrl" text NOT NULL,
    "CalledNumber" character varying(20) NOT NULL,
    "SealedCaller" bytea,
    "Language" character varying(20) NOT NULL,
    "SchoolId" uuid,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LastError" text
);

CREATE TABLE intake.voicemails (
    "ReportId" uuid NOT NULL,
    "RecordingSid" character varying(64) NOT NULL,
    "AttachmentId" uuid,
    "OriginalContentType" text NOT NULL,
    "SealedOriginal" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PurgeAfter" timestamp with time zone NOT NULL
);

CREATE TABLE routing.inbox_messages (
    message_id uuid NOT NULL,
    consumer character varying(200) NOT NULL,
    processed_at timestamp with time zone NOT NULL
);

CREATE TABLE routing.outbox_messages (
    id uuid NOT NULL,
    message_type character varying(200) NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    last_error character varying(500)
);

CREATE TABLE teams."AspNetRoleClaims" (
    "Id" integer NOT NULL,
    "RoleId" uuid NOT NULL,
    "ClaimType" text,
    "ClaimValue" text
);

ALTER TABLE teams."AspNetRoleClaims" ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME teams."AspNetRoleClaims_Id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE teams."AspNetRoles" (
    "Id" uuid NOT NULL,
    "Name" character varying(256),
    "NormalizedName" character varying(256),
    "ConcurrencyStamp" text
);

CREATE TABLE teams."AspNetUserClaims" (
    "Id" integer NOT NULL,
    "UserId" uuid NOT NULL,
    "ClaimType" text,
    "ClaimValue" text
);

ALTER TABLE teams."AspNetUserClaims" ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME teams."AspNetUserClaims_Id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE teams."AspNetUserLogins" (
    "LoginProvider" text NOT NULL,
    "ProviderKey" text NOT NULL,
    "ProviderDisplayName" text,
    "UserId" uuid NOT NULL
);

CREATE TABLE teams."AspNetUserRoles" (
    "UserId" uuid NOT NULL,
    "RoleId" uuid NOT NULL
);

CREATE TABLE teams."AspNetUserTokens" (
    "UserId" uuid NOT NULL,
    "LoginProvider" text NOT NULL,
    "Name" text NOT NULL,
    "Value" text
);

CREATE TABLE teams."AspNetUsers" (
    "Id" uuid NOT NULL,
    "DisplayName" text NOT NULL,
    "UserName" character varying(256),
    "NormalizedUserName" character varying(256),
    "Email" character varying(256),
    "NormalizedEmail" character varying(256),
    "EmailConfirmed" boolean NOT NULL,
    "PasswordHash" text,
    "SecurityStamp" text,
    "ConcurrencyStamp" text,
    "PhoneNumber" text,
    "PhoneNumberConfirmed" boolean NOT NULL,
    "TwoFactorEnabled" boolean NOT NULL,
    "LockoutEnd" timestamp with time zone,
    "LockoutEnabled" boolean NOT NULL,
    "AccessFailedCount" integer NOT NULL
);

CREATE TABLE teams.alert_attempts (
    "Id" uuid NOT NULL,
    "StepId" uuid NOT NULL,
    "CaseIds" uuid[] NOT NULL,
    "MemberId" uuid NOT NULL,
    "Method" character varying(10) NOT NULL,
    "Level" integer NOT NULL,
    "Digest" boolean NOT NULL,
    "SchoolName" character varying(2000) NOT NULL,
    "Urgency" integer NOT NULL,
    "TipCount" integer NOT NULL,
    "ReplyCode" character varying(6),
    "FallbackFor" uuid,
    "DueAt" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Detail" character varying(200),
    "ProviderId" character varying(64),
    "SentAt" timestamp with time zone,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "LinkUsedAt" timestamp with time zone
);

CREATE TABLE teams.audit_entries (
    "Id" bigint NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid NOT NULL,
    "Action" character varying(40) NOT NULL,
    "CaseId" uuid,
    "Allowed" boolean NOT NULL
);

ALTER TABLE teams.audit_entries ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME teams."audit_entries_Id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE teams.calendar_feeds (
    "StaffId" uuid NOT NULL,
    "TokenHash" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE teams.case_attachments (
    "CaseId" uuid NOT NULL,
    "AttachmentId" uuid NOT NULL
);

CREATE TABLE teams.case_messages (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "FromReporter" boolean NOT NULL,
    "AuthorId" uuid,
    "Text" text NOT NULL,
    "Language" character varying(20) NOT NULL,
    "Translation" text,
    "NeedsTranslation" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE teams.cases (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "AssignedMemberId" uuid,
    "Channel" character varying(20) NOT NULL,
    "Pseudonym" character varying(20) NOT NULL,
    "ReporterLanguage" character varying(20) NOT NULL,
    "TeamLanguage" character varying(20) NOT NULL,
    "Original" jsonb NOT NULL,
    "Translation" jsonb,
    "NeedsTranslation" boolean NOT NULL,
    "SuggestedUrgency" integer NOT NULL,
    "Categories" text[] NOT NULL,
    "DangerNow" boolean NOT NULL,
    "AcceptedAt" timestamp with time zone NOT NULL,
    "RoutedAt" timestamp with time zone NOT NULL,
    "AcknowledgedAt" timestamp with time zone,
    "AcknowledgedBy" uuid
);

CREATE TABLE teams.early_answers (
    "AnswerId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "OriginalText" text NOT NULL,
    "OriginalLanguage" character varying(20) NOT NULL,
    "TranslatedText" text,
    "NeedsTranslation" boolean NOT NULL,
    "AnsweredAt" timestamp with time zone NOT NULL
);

CREATE TABLE teams.early_attachments (
    "AttachmentId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL
);

CREATE TABLE teams.escalations (
    "CaseId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "OnCallMemberId" uuid,
    "Urgency" integer NOT NULL,
    "ReplyCode" character varying(6) NOT NULL,
    "Level" integer NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "NextDueAt" timestamp with time zone,
    "StoppedAt" timestamp with time zone,
    "StopReason" character varying(40)
);

CREATE TABLE teams.inbox_messages (
    message_id uuid NOT NULL,
    consumer character varying(200) NOT NULL,
    processed_at timestamp with time zone NOT NULL
);

CREATE TABLE teams.message_deliveries (
    "MessageId" uuid NOT NULL,
    "Status" character varying(80) NOT NULL,
    "ErrorCode" integer,
    "UpdatedAt" timestamp with time zone NOT NULL
);

CREATE TABLE teams.outbox_messages (
    id uuid NOT NULL,
    message_type character varying(200) NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    last_error character varying(500)
);

CREATE TABLE teams.system_health (
    "Id" integer NOT NULL,
    "UnroutedReports" integer NOT NULL,
    "OldestUnroutedAcceptedAt" timestamp with time zone,
    "CountedAt" timestamp with time zone NOT NULL
);

ALTER TABLE teams.system_health ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME teams."system_health_Id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

INSERT INTO directory.channel_numbers VALUES ('+15555550100', NULL);
INSERT INTO directory.channel_numbers VALUES ('+15555550101', '5c3d2a1e-0000-4000-8000-000000000001');

INSERT INTO directory.schools VALUES ('5c3d2a1e-0000-4000-8000-000000000001', 'Lincoln High School', 'LHS', '7e4a9b20-0000-4000-8000-000000000001', false);
INSERT INTO directory.schools VALUES ('5c3d2a1e-0000-4000-8000-000000000002', 'Roosevelt Middle School', 'RMS', '7e4a9b20-0000-4000-8000-000000000002', false);
INSERT INTO directory.schools VALUES ('5c3d2a1e-0000-4000-8000-000000000003', 'Jefferson Elementary School', 'JES', '7e4a9b20-0000-4000-8000-000000000002', false);
INSERT INTO directory.schools VALUES ('5c3d2a1e-0000-4000-8000-0000000000d1', 'Another school, or not sure', 'DIST', '7e4a9b20-0000-4000-8000-0000000000d1', true);

INSERT INTO directory.team_members VALUES ('00ae6d73-a4af-4a91-a04e-76dd34fad216', '7e4a9b20-0000-4000-8000-000000000002', 'Riley Psych', 'MentalHealthProfessional', 4, '+15555550114', 'north.psych@demo.tipline.test', 'America/Chicago');
INSERT INTO directory.team_members VALUES ('33220f0c-b742-4f58-be73-d469743d7327', '7e4a9b20-0000-4000-8000-000000000001', 'Dana Admin', 'Administrator', 0, '+15555550110', 'admin@demo.tipline.test', 'America/Chicago');
INSERT INTO directory.team_members VALUES ('5fb0537c-69ab-4466-a222-af9b3cffef5f', '7e4a9b20-0000-4000-8000-000000000002', 'Jordan North', 'Administrator', 3, '+15555550113', 'north.admin@demo.tipline.test', 'America/Chicago');
INSERT INTO directory.team_members VALUES ('66a53d8d-75bf-4827-ad67-67d9e667b68c', '7e4a9b20-0000-4000-8000-000000000001', 'Officer Lee', 'LawEnforcementLiaison', 2, '+15555550112', 'sro@demo.tipline.test', 'America/Chicago');
INSERT INTO directory.team_members VALUES ('ad9dc273-8df3-4d0c-823f-adfd8bae6087', '7e4a9b20-0000-4000-8000-0000000000d1', 'Casey District', 'Administrator', 5, '+15555550115', 'district.safety@demo.tipline.test', 'America/Chicago');
INSERT INTO directory.team_members VALUES ('cc795147-7c4a-4e18-9e1c-833b9801f103', '7e4a9b20-0000-4000-8000-000000000001', 'Sam Counselor', 'MentalHealthProfessional', 1, '+15555550111', 'counselor@demo.tipline.test', 'America/Chicago');

INSERT INTO directory.teams VALUES ('7e4a9b20-0000-4000-8000-000000000001', 'Lincoln High BTAM team', 'en');
INSERT INTO directory.teams VALUES ('7e4a9b20-0000-4000-8000-000000000002', 'North side BTAM team', 'en');
INSERT INTO directory.teams VALUES ('7e4a9b20-0000-4000-8000-0000000000d1', 'District safety team (24/7)', 'en');

INSERT INTO intake.inbox_messages VALUES ('f5f79ca9-6ab5-45d4-9be3-e9692fbe2326', 'CaseOpenedConsumer', '2026-11-30 22:05:02.862805+00');
INSERT INTO intake.inbox_messages VALUES ('e3230bc9-9972-4e88-8880-8d006ffc735e', 'CaseOpenedConsumer', '2026-11-30 22:05:07.190196+00');
INSERT INTO intake.inbox_messages VALUES ('3d401e04-cd6d-4318-b27a-e62389991f0e', 'ReporterQuestionReadyConsumer', '2026-11-30 22:05:07.45504+00');
INSERT INTO intake.inbox_messages VALUES ('eb94fa16-4f76-42bb-a6b5-085846a1db9e', 'CaseAcknowledgedConsumer', '2026-11-30 22:05:07.474786+00');

INSERT INTO intake.receipts VALUES ('3fbb5b45-0fcd-418f-bb4e-36d8f0db3c09', '\xf623afbc214b1141587f12d5cdbd6ff469ff2b05f2760dedfa4625a7e264ffbf', '\x3ab81b6a969eae2c96be15546e8a8bcec0b8387673f61b635901b78452263f66', '\xd641d53eb34a6417b1af80a141157108', 2000, 0, NULL);

INSERT INTO intake.reports VALUES ('fc4b1ec0-4392-4f9d-87ce-6335c8e935a8', '5c3d2a1e-0000-4000-8000-000000000001', 'sms', 'SMf8f4113daa434ad998729a0e104ea5cb', 'R-G1ED', 'es', 'mi amigo dice que va a lastimar a alguien', NULL, NULL, false, '2026-11-30 22:05:07.062507+00', 'InQueue', '2026-11-30 22:05:07.175173+00', NULL);
INSERT INTO intake.reports VALUES ('3fbb5b45-0fcd-418f-bb4e-36d8f0db3c09', '5c3d2a1e-0000-4000-8000-000000000001', 'web', '78e4662e-2c84-4e37-be01-dac32424307b', 'R-KJMZ', 'en', 'A boy in my class threatened to hurt people at the game', NULL, NULL, false, '2026-11-30 22:05:02.301815+00', 'Reviewing', '2026-11-30 22:05:02.681934+00', NULL);

INSERT INTO intake.sealed_contacts VALUES ('a6c3613c-26d0-4b7b-b504-00041264ccaf', 'fc4b1ec0-4392-4f9d-87ce-6335c8e935a8', 'sms', '\x06801471464c14ed109236308c855c5f4a15027034030f4442712a34624f920ac5867915a0802914', '2026-11-30 22:05:07.063412+00', '2027-02-28 22:05:07.063412+00');

INSERT INTO intake.sms_deliveries VALUES ('23247eea-7bb4-49c5-b4f9-b995c359867a', 'fc4b1ec0-4392-4f9d-87ce-6335c8e935a8', 'SM00000000000000000000000000000005', 'queued', NULL, '2026-11-30 22:05:07.480677+00');

INSERT INTO intake.sms_inbound VALUES ('SMf8f4113daa434ad998729a0e104ea5cb', '2026-11-30 22:05:06.992045+00');

INSERT INTO intake.sms_threads VALUES ('fc4b1ec0-4392-4f9d-87ce-6335c8e935a8', '805CD235E1701D9678CA9C0D1FCD25316D6FA30BD0E84A39BD4826822C5A7811', '+15555550101', '2026-11-30 22:05:06.992045+00');

INSERT INTO routing.inbox_messages VALUES ('50fa0671-7a71-4cf0-88e6-3e6b7b7ae7fa', 'ReportSubmittedConsumer', '2026-11-30 22:05:02.439405+00');
INSERT INTO routing.inbox_messages VALUES ('ab48e461-5384-4dfc-8149-2ff1d2cea1b1', 'ReportSubmittedConsumer', '2026-11-30 22:05:07.103285+00');
INSERT INTO routing.inbox_messages VALUES ('49748d15-4190-490e-9f4e-1dd0d251de33', 'TeamQuestionAskedConsumer', '2026-11-30 22:05:07.413484+00');

INSERT INTO teams."AspNetRoles" VALUES ('01a22e7d-6500-78d9-a4da-c431caee3824', 'DistrictAdmin', 'DISTRICTADMIN', 'd1c918b1-607a-497a-9960-e794bc6149f8');

INSERT INTO teams."AspNetUserRoles" VALUES ('33220f0c-b742-4f58-be73-d469743d7327', '01a22e7d-6500-78d9-a4da-c431caee3824');

INSERT INTO teams."AspNetUsers" VALUES ('33220f0c-b742-4f58-be73-d469743d7327', 'Dana Admin', 'admin@demo.tipline.test', 'ADMIN@DEMO.TIPLINE.TEST', 'admin@demo.tipline.test', 'ADMIN@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAEBfGoebguVL38T6dshxjP43e+JzpLM0jmBhEpDWV5WRUb5gXMNlcPVZIMSeOzqTE3g==', 'LH2B24FRQMKZZ644SKTVQ3XZNQK7ISW3', '0605c3d3-010c-4218-93bb-e40f46894236', NULL, false, false, NULL, true, 0);
INSERT INTO teams."AspNetUsers" VALUES ('cc795147-7c4a-4e18-9e1c-833b9801f103', 'Sam Counselor', 'counselor@demo.tipline.test', 'COUNSELOR@DEMO.TIPLINE.TEST', 'counselor@demo.tipline.test', 'COUNSELOR@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAEAsoVSaFlIhraPHegrvBe7Lmg4js0AxCQ3ZzmQYhnDaXsWwvHc/3n5PxTYMYzIw92g==', 'MBA4OVSMCPPIS5YD6UOGY6UYJSX4HHLW', '66c4ff98-ba0e-44fa-8802-cee75932eef3', NULL, false, false, NULL, true, 0);
INSERT INTO teams."AspNetUsers" VALUES ('66a53d8d-75bf-4827-ad67-67d9e667b68c', 'Officer Lee', 'sro@demo.tipline.test', 'SRO@DEMO.TIPLINE.TEST', 'sro@demo.tipline.test', 'SRO@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAECRY2fkKwAowTr/IQqxnsgazSIY944axNlt2GlmtAKztZi/QTpGIbt2c8rqn7seoGA==', 'TZXT7AFZ7B3Y224GJSMRW7INIM5NRS2F', '792310b0-be0c-41e2-955a-0a1f8338a05c', NULL, false, false, NULL, true, 0);
INSERT INTO teams."AspNetUsers" VALUES ('5fb0537c-69ab-4466-a222-af9b3cffef5f', 'Jordan North', 'north.admin@demo.tipline.test', 'NORTH.ADMIN@DEMO.TIPLINE.TEST', 'north.admin@demo.tipline.test', 'NORTH.ADMIN@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAEGCUzBJ8vi47OkXSrKYbyFRniDUaz9g0Oj0uLBvBdj92Mga5kbCwz64z5XxVCGrKyQ==', 'W57E4RDDSO7GDPRCL7KS5WWATACHI3QC', '323fd0b6-eb79-4307-91fb-422b86f4a0bb', NULL, false, false, NULL, true, 0);
INSERT INTO teams."AspNetUsers" VALUES ('00ae6d73-a4af-4a91-a04e-76dd34fad216', 'Riley Psych', 'north.psych@demo.tipline.test', 'NORTH.PSYCH@DEMO.TIPLINE.TEST', 'north.psych@demo.tipline.test', 'NORTH.PSYCH@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAEE5gWXk4uVyFu+7mXp5E9KGCyTz65ZnpQdwgMo0CqAHlljh2/nL0YfKoCAqCjoL4Tw==', 'DCHNCS6GODCY66N4MWHWTXZH32RYEPGK', '029df764-2434-4cd9-8be6-780a7a8b692e', NULL, false, false, NULL, true, 0);
INSERT INTO teams."AspNetUsers" VALUES ('ad9dc273-8df3-4d0c-823f-adfd8bae6087', 'Casey District', 'district.safety@demo.tipline.test', 'DISTRICT.SAFETY@DEMO.TIPLINE.TEST', 'district.safety@demo.tipline.test', 'DISTRICT.SAFETY@DEMO.TIPLINE.TEST', true, 'AQAAAAIAAYagAAAAEAvDYIj0+OU2QTEBdGVRnZf1VY48jxnk/P3NXW6U+tmf3U1uH+o+dJ/QVDXDXm/LPg==', 'KACRTKXXNNWKGXWV7AJLPLWENMUOOPTB', 'dc3fbac7-186f-4d6c-86ae-0aa2bcbe96e8', NULL, false, false, NULL, true, 0);

INSERT INTO teams.alert_attempts VALUES ('381d1b12-6b38-4b37-82df-2096e00e0cf0', 'd05c3cc2-aa82-45cf-a11e-384339023224', '{74159deb-78a2-41a1-ac61-de3eac6da1c1}', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 'Sms', 1, false, 'Lincoln High School', 1, 1, '938319', NULL, '2026-11-30 22:05:02.860934+00', 'Sent', 'queued', 'SM00000000000000000000000000000000', '2026-11-30 22:05:03.06196+00', '2026-11-30 22:05:03.06196+00', NULL);
INSERT INTO teams.alert_attempts VALUES ('048a0f8b-8a76-4bcf-ad89-ee25ef386b90', '33d1195c-f017-4dbd-b43a-88fb3dab64a7', '{74159deb-78a2-41a1-ac61-de3eac6da1c1}', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 'Sms', 2, false, 'Lincoln High School', 1, 1, '938319', NULL, '2026-11-30 22:05:06.947016+00', 'Sent', 'queued', 'SM00000000000000000000000000000001', '2026-11-30 22:05:06.966724+00', '2026-11-30 22:05:06.966724+00', NULL);
INSERT INTO teams.alert_attempts VALUES ('8bae6b1b-fa5c-43ae-97a6-e95ba7978ef3', '33d1195c-f017-4dbd-b43a-88fb3dab64a7', '{74159deb-78a2-41a1-ac61-de3eac6da1c1}', 'cc795147-7c4a-4e18-9e1c-833b9801f103', 'Sms', 2, false, 'Lincoln High School', 1, 1, '938319', NULL, '2026-11-30 22:05:06.947016+00', 'Sent', 'queued', 'SM00000000000000000000000000000002', '2026-11-30 22:05:06.973603+00', '2026-11-30 22:05:06.973603+00', NULL);
INSERT INTO teams.alert_attempts VALUES ('eeed44f3-1a29-498e-80e1-0339a39529fb', '33d1195c-f017-4dbd-b43a-88fb3dab64a7', '{74159deb-78a2-41a1-ac61-de3eac6da1c1}', '33220f0c-b742-4f58-be73-d469743d7327', 'Sms', 2, false, 'Lincoln High School', 1, 1, '938319', NULL, '2026-11-30 22:05:06.947016+00', 'Sent', 'queued', 'SM00000000000000000000000000000003', '2026-11-30 22:05:06.980425+00', '2026-11-30 22:05:06.980425+00', NULL);
INSERT INTO teams.alert_attempts VALUES ('47e5a568-1f80-469b-bf06-e4e101996909', '1f1f97fb-f936-457b-aadd-5207f70f153b', '{90644596-3390-4190-a393-58985a2c07be}', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 'Sms', 1, false, 'Lincoln High School', 1, 1, '410806', NULL, '2026-11-30 22:05:07.187061+00', 'Sent', 'queued', 'SM00000000000000000000000000000004', '2026-11-30 22:05:07.201938+00', '2026-11-30 22:05:07.201938+00', NULL);

INSERT INTO teams.audit_entries VALUES (1, '2026-11-30 22:05:07.287603+00', 'cc795147-7c4a-4e18-9e1c-833b9801f103', 'queue.view', NULL, true);
INSERT INTO teams.audit_entries VALUES (2, '2026-11-30 22:05:07.373676+00', 'cc795147-7c4a-4e18-9e1c-833b9801f103', 'case.ask', '90644596-3390-4190-a393-58985a2c07be', true);
INSERT INTO teams.audit_entries VALUES (3, '2026-11-30 22:05:07.435616+00', 'cc795147-7c4a-4e18-9e1c-833b9801f103', 'case.acknowledge', '74159deb-78a2-41a1-ac61-de3eac6da1c1', true);

INSERT INTO teams.case_messages VALUES ('23247eea-7bb4-49c5-b4f9-b995c359867a', '90644596-3390-4190-a393-58985a2c07be', false, 'cc795147-7c4a-4e18-9e1c-833b9801f103', 'Where is your friend now?', 'en', NULL, false, '2026-11-30 22:05:07.375657+00');

INSERT INTO teams.cases VALUES ('90644596-3390-4190-a393-58985a2c07be', 'fc4b1ec0-4392-4f9d-87ce-6335c8e935a8', '5c3d2a1e-0000-4000-8000-000000000001', '7e4a9b20-0000-4000-8000-000000000001', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 'sms', 'R-G1ED', 'es', 'en', '{"whatHappened": "mi amigo dice que va a lastimar a alguien", "whenAndWhere": null, "whoIsInvolved": null}', '{"whatHappened": "My fellow says that it goes to lastimar to somebody", "whenAndWhere": null, "whoIsInvolved": null}', false, 1, '{threat}', false, '2026-11-30 22:05:07.062507+00', '2026-11-30 22:05:07.162957+00', NULL, NULL);
INSERT INTO teams.cases VALUES ('74159deb-78a2-41a1-ac61-de3eac6da1c1', '3fbb5b45-0fcd-418f-bb4e-36d8f0db3c09', '5c3d2a1e-0000-4000-8000-000000000001', '7e4a9b20-0000-4000-8000-000000000001', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 'web', 'R-KJMZ', 'en', 'en', '{"whatHappened": "A boy in my class threatened to hurt people at the game", "whenAndWhere": null, "whoIsInvolved": null}', NULL, false, 1, '{threat}', false, '2026-11-30 22:05:02.301815+00', '2026-11-30 22:05:02.486129+00', '2026-11-30 22:05:07.436241+00', 'cc795147-7c4a-4e18-9e1c-833b9801f103');

INSERT INTO teams.escalations VALUES ('90644596-3390-4190-a393-58985a2c07be', '7e4a9b20-0000-4000-8000-000000000001', '5c3d2a1e-0000-4000-8000-000000000001', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 1, '410806', 1, '2026-11-30 22:05:07.175173+00', '2026-11-30 22:05:11.187061+00', NULL, NULL);
INSERT INTO teams.escalations VALUES ('74159deb-78a2-41a1-ac61-de3eac6da1c1', '7e4a9b20-0000-4000-8000-000000000001', '5c3d2a1e-0000-4000-8000-000000000001', '66a53d8d-75bf-4827-ad67-67d9e667b68c', 1, '938319', 2, '2026-11-30 22:05:02.681934+00', NULL, '2026-11-30 22:05:07.436241+00', 'acknowledged');

INSERT INTO teams.inbox_messages VALUES ('78bc11e3-936f-436d-b4f6-e8a121b593ab', 'ReportRoutedConsumer', '2026-11-30 22:05:02.676971+00');
INSERT INTO teams.inbox_messages VALUES ('31783a72-5165-4983-a210-b32b7834fbae', 'ReportRoutedConsumer', '2026-11-30 22:05:07.174509+00');
INSERT INTO teams.inbox_messages VALUES ('d2671037-302f-4ecc-9787-0499d087ace0', 'ReporterMessageStatusChangedConsumer', '2026-11-30 22:05:07.703952+00');

INSERT INTO teams.message_deliveries VALUES ('23247eea-7bb4-49c5-b4f9-b995c359867a', 'queued', NULL, '2026-11-30 22:05:07.480677+00');

INSERT INTO teams.system_health VALUES (1, 0, NULL, '2026-11-30 22:05:00.861822+00');

SELECT pg_catalog.setval('teams."AspNetRoleClaims_Id_seq"', 1, false);

SELECT pg_catalog.setval('teams."AspNetUserClaims_Id_seq"', 1, false);

SELECT pg_catalog.setval('teams."audit_entries_Id_seq"', 3, true);

SELECT pg_catalog.setval('teams."system_health_Id_seq"', 1, false);

ALTER TABLE ONLY attachments.files
    ADD CONSTRAINT "PK_files" PRIMARY KEY ("Id");

ALTER TABLE ONLY directory.channel_numbers
    ADD CONSTRAINT "PK_channel_numbers" PRIMARY KEY ("Number");

ALTER TABLE ONLY directory.on_call_overrides
    ADD CONSTRAINT "PK_on_call_overrides" PRIMARY KEY ("Id");

ALTER TABLE ONLY directory.rotations
    ADD CONSTRAINT "PK_rotations" PRIMARY KEY ("TeamId");

ALTER TABLE ONLY directory.schools
    ADD CONSTRAINT "PK_schools" PRIMARY KEY ("Id");

ALTER TABLE ONLY directory.team_members
    ADD CONSTRAINT "PK_team_members" PRIMARY KEY ("Id");

ALTER TABLE ONLY directory.teams
    ADD CONSTRAINT "PK_teams" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.email_attachments
    ADD CONSTRAINT "PK_email_attachments" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.email_cursors
    ADD CONSTRAINT "PK_email_cursors" PRIMARY KEY ("Mailbox");

ALTER TABLE ONLY intake.email_inbound
    ADD CONSTRAINT "PK_email_inbound" PRIMARY KEY ("Mailbox", "UidValidity", "Uid");

ALTER TABLE ONLY intake.email_pending
    ADD CONSTRAINT "PK_email_pending" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.email_thread_messages
    ADD CONSTRAINT "PK_email_thread_messages" PRIMARY KEY ("MessageKey");

ALTER TABLE ONLY intake.email_threads
    ADD CONSTRAINT "PK_email_threads" PRIMARY KEY ("ReportId");

ALTER TABLE ONLY intake.followup_messages
    ADD CONSTRAINT "PK_followup_messages" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.inbox_messages
    ADD CONSTRAINT "PK_inbox_messages" PRIMARY KEY (message_id, consumer);

ALTER TABLE ONLY intake.mms_media
    ADD CONSTRAINT "PK_mms_media" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.mms_pending
    ADD CONSTRAINT "PK_mms_pending" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.outbox_messages
    ADD CONSTRAINT "PK_outbox_messages" PRIMARY KEY (id);

ALTER TABLE ONLY intake.receipts
    ADD CONSTRAINT "PK_receipts" PRIMARY KEY ("ReportId");

ALTER TABLE ONLY intake.reports
    ADD CONSTRAINT "PK_reports" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.sealed_contacts
    ADD CONSTRAINT "PK_sealed_contacts" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.sms_deliveries
    ADD CONSTRAINT "PK_sms_deliveries" PRIMARY KEY ("QuestionId");

ALTER TABLE ONLY intake.sms_held
    ADD CONSTRAINT "PK_sms_held" PRIMARY KEY ("Id");

ALTER TABLE ONLY intake.sms_inbound
    ADD CONSTRAINT "PK_sms_inbound" PRIMARY KEY ("MessageSid");

ALTER TABLE ONLY intake.sms_opt_outs
    ADD CONSTRAINT "PK_sms_opt_outs" PRIMARY KEY ("ReporterKey");

ALTER TABLE ONLY intake.sms_threads
    ADD CONSTRAINT "PK_sms_threads" PRIMARY KEY ("ReportId");

ALTER TABLE ONLY intake.voice_calls
    ADD CONSTRAINT "PK_voice_calls" PRIMARY KEY ("CallSid");

ALTER TABLE ONLY intake.voice_recordings
    ADD CONSTRAINT "PK_voice_recordings" PRIMARY KEY ("RecordingSid");

ALTER TABLE ONLY intake.voicemail_pending
    ADD CONSTRAINT "PK_voicemail_pending" PRIMARY KEY ("RecordingSid");

ALTER TABLE ONLY intake.voicemails
    ADD CONSTRAINT "PK_voicemails" PRIMARY KEY ("ReportId");

ALTER TABLE ONLY routing.inbox_messages
    ADD CONSTRAINT "PK_inbox_messages" PRIMARY KEY (message_id, consumer);

ALTER TABLE ONLY routing.outbox_messages
    ADD CONSTRAINT "PK_outbox_messages" PRIMARY KEY (id);

ALTER TABLE ONLY teams."AspNetRoleClaims"
    ADD CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams."AspNetRoles"
    ADD CONSTRAINT "PK_AspNetRoles" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams."AspNetUserClaims"
    ADD CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams."AspNetUserLogins"
    ADD CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey");

ALTER TABLE ONLY teams."AspNetUserRoles"
    ADD CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId");

ALTER TABLE ONLY teams."AspNetUserTokens"
    ADD CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name");

ALTER TABLE ONLY teams."AspNetUsers"
    ADD CONSTRAINT "PK_AspNetUsers" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams.alert_attempts
    ADD CONSTRAINT "PK_alert_attempts" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams.audit_entries
    ADD CONSTRAINT "PK_audit_entries" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams.calendar_feeds
    ADD CONSTRAINT "PK_calendar_feeds" PRIMARY KEY ("StaffId");

ALTER TABLE ONLY teams.case_attachments
    ADD CONSTRAINT "PK_case_attachments" PRIMARY KEY ("CaseId", "AttachmentId");

ALTER TABLE ONLY teams.case_messages
    ADD CONSTRAINT "PK_case_messages" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams.cases
    ADD CONSTRAINT "PK_cases" PRIMARY KEY ("Id");

ALTER TABLE ONLY teams.early_answers
    ADD CONSTRAINT "PK_early_answers" PRIMARY KEY ("AnswerId");

ALTER TABLE ONLY teams.early_attachments
    ADD CONSTRAINT "PK_early_attachments" PRIMARY KEY ("AttachmentId");

ALTER TABLE ONLY teams.escalations
    ADD CONSTRAINT "PK_escalations" PRIMARY KEY ("CaseId");

ALTER TABLE ONLY teams.inbox_messages
    ADD CONSTRAINT "PK_inbox_messages" PRIMARY KEY (message_id, consumer);

ALTER TABLE ONLY teams.message_deliveries
    ADD CONSTRAINT "PK_message_deliveries" PRIMARY KEY ("MessageId");

ALTER TABLE ONLY teams.outbox_messages
    ADD CONSTRAINT "PK_outbox_messages" PRIMARY KEY (id);

ALTER TABLE ONLY teams.system_health
    ADD CONSTRAINT "PK_system_health" PRIMARY KEY ("Id");

CREATE INDEX "IX_files_ReportId" ON attachments.files USING btree ("ReportId");

CREATE INDEX "IX_channel_numbers_SchoolId" ON directory.channel_numbers USING btree ("SchoolId");

CREATE INDEX "IX_on_call_overrides_MemberId" ON directory.on_call_overrides USING btree ("MemberId");

CREATE INDEX "IX_on_call_overrides_TeamId_EndsAt" ON directory.on_call_overrides USING btree ("TeamId", "EndsAt");

CREATE UNIQUE INDEX "IX_schools_Code" ON directory.schools USING btree ("Code");

CREATE UNIQUE INDEX "IX_schools_IsDistrictWide" ON directory.schools USING btree ("IsDistrictWide") WHERE "IsDistrictWide";

CREATE INDEX "IX_schools_TeamId" ON directory.schools USING btree ("TeamId");

CREATE INDEX "IX_team_members_TeamId" ON directory.team_members USING btree ("TeamId");

CREATE UNIQUE INDEX "IX_email_attachments_MessageKey_Index" ON intake.email_attachments USING btree ("MessageKey", "Index");

CREATE INDEX "IX_email_attachments_PurgeAfter" ON intake.email_attachments USING btree ("PurgeAfter");

CREATE INDEX "IX_email_attachments_ReportId" ON intake.email_attachments USING btree ("ReportId");

CREATE UNIQUE INDEX "IX_email_inbound_MessageKey" ON intake.email_inbound USING btree ("MessageKey");

CREATE INDEX "IX_email_pending_NextAttemptAt" ON intake.email_pending USING btree ("NextAttemptAt");

CREATE INDEX "IX_email_thread_messages_ReportId" ON intake.email_thread_messages USING btree ("ReportId");

CREATE INDEX "IX_followup_messages_ReportId_CreatedAt" ON intake.followup_messages USING btree ("ReportId", "CreatedAt");

CREATE UNIQUE INDEX "IX_mms_media_MessageSid_MediaIndex" ON intake.mms_media USING btree ("MessageSid", "MediaIndex");

CREATE INDEX "IX_mms_media_PurgeAfter" ON intake.mms_media USING btree ("PurgeAfter");

CREATE INDEX "IX_mms_media_ReportId" ON intake.mms_media USING btree ("ReportId");

CREATE INDEX "IX_mms_pending_HeldSmsId" ON intake.mms_pending USING btree ("HeldSmsId");

CREATE UNIQUE INDEX "IX_mms_pending_MessageSid_MediaIndex" ON intake.mms_pending USING btree ("MessageSid", "MediaIndex");

CREATE INDEX "IX_mms_pending_NextAttemptAt" ON intake.mms_pending USING btree ("NextAttemptAt");

CREATE INDEX "IX_outbox_messages_next_attempt_at" ON intake.outbox_messages USING btree (next_attempt_at);

CREATE UNIQUE INDEX "IX_receipts_CodeLookup" ON intake.receipts USING btree ("CodeLookup");

CREATE INDEX "IX_reports_AcceptedAt" ON intake.reports USING btree ("AcceptedAt") WHERE ("CaseOpenedAt" IS NULL);

CREATE UNIQUE INDEX "IX_reports_Channel_ProviderKey" ON intake.reports USING btree ("Channel", "ProviderKey");

CREATE INDEX "IX_sealed_contacts_PurgeAfter" ON intake.sealed_contacts USING btree ("PurgeAfter");

CREATE INDEX "IX_sealed_contacts_ReportId" ON intake.sealed_contacts USING btree ("ReportId");

CREATE UNIQUE INDEX "IX_sms_deliveries_MessageSid" ON intake.sms_deliveries USING btree ("MessageSid");

CREATE UNIQUE INDEX "IX_sms_held_MessageSid" ON intake.sms_held USING btree ("MessageSid");

CREATE INDEX "IX_sms_held_ReceivedAt" ON intake.sms_held USING btree ("ReceivedAt");

CREATE INDEX "IX_sms_held_ReporterKey" ON intake.sms_held USING btree ("ReporterKey");

CREATE INDEX "IX_sms_threads_ReporterKey_LastMessageAt" ON intake.sms_threads USING btree ("ReporterKey", "LastMessageAt");

CREATE INDEX "IX_voicemail_pending_NextAttemptAt" ON intake.voicemail_pending USING btree ("NextAttemptAt");

CREATE INDEX "IX_voicemails_PurgeAfter" ON intake.voicemails USING btree ("PurgeAfter");

CREATE UNIQUE INDEX "IX_voicemails_RecordingSid" ON intake.voicemails USING btree ("RecordingSid");

CREATE INDEX "IX_outbox_messages_next_attempt_at" ON routing.outbox_messages USING btree (next_attempt_at);

CREATE INDEX "EmailIndex" ON teams."AspNetUsers" USING btree ("NormalizedEmail");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON teams."AspNetRoleClaims" USING btree ("RoleId");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON teams."AspNetUserClaims" USING btree ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON teams."AspNetUserLogins" USING btree ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON teams."AspNetUserRoles" USING btree ("RoleId");

CREATE INDEX "IX_alert_attempts_CaseIds" ON teams.alert_attempts USING gin ("CaseIds");

CREATE INDEX "IX_alert_attempts_DueAt" ON teams.alert_attempts USING btree ("DueAt") WHERE (("Status")::text = 'Pending'::text);

CREATE UNIQUE INDEX "IX_alert_attempts_FallbackFor" ON teams.alert_attempts USING btree ("FallbackFor");

CREATE INDEX "IX_alert_attempts_ProviderId" ON teams.alert_attempts USING btree ("ProviderId");

CREATE INDEX "IX_alert_attempts_ReplyCode_MemberId" ON teams.alert_attempts USING btree ("ReplyCode", "MemberId");

CREATE INDEX "IX_audit_entries_CaseId_At" ON teams.audit_entries USING btree ("CaseId", "At");

CREATE UNIQUE INDEX "IX_calendar_feeds_TokenHash" ON teams.calendar_feeds USING btree ("TokenHash");

CREATE INDEX "IX_case_messages_CaseId_CreatedAt" ON teams.case_messages USING btree ("CaseId", "CreatedAt");

CREATE UNIQUE INDEX "IX_cases_ReportId" ON teams.cases USING btree ("ReportId");

CREATE INDEX "IX_cases_TeamId_SuggestedUrgency_AcceptedAt" ON teams.cases USING btree ("TeamId", "SuggestedUrgency", "AcceptedAt");

CREATE INDEX "IX_early_answers_ReportId" ON teams.early_answers USING btree ("ReportId");

CREATE INDEX "IX_early_attachments_ReportId" ON teams.early_attachments USING btree ("ReportId");

CREATE INDEX "IX_escalations_NextDueAt" ON teams.escalations USING btree ("NextDueAt") WHERE ("NextDueAt" IS NOT NULL);

CREATE INDEX "IX_outbox_messages_next_attempt_at" ON teams.outbox_messages USING btree (next_attempt_at);

CREATE UNIQUE INDEX "RoleNameIndex" ON teams."AspNetRoles" USING btree ("NormalizedName");

CREATE UNIQUE INDEX "UserNameIndex" ON teams."AspNetUsers" USING btree ("NormalizedUserName");

CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON teams.audit_entries FOR EACH ROW EXECUTE FUNCTION teams.audit_is_append_only();

ALTER TABLE ONLY directory.channel_numbers
    ADD CONSTRAINT "FK_channel_numbers_schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES directory.schools("Id");

ALTER TABLE ONLY directory.on_call_overrides
    ADD CONSTRAINT "FK_on_call_overrides_team_members_MemberId" FOREIGN KEY ("MemberId") REFERENCES directory.team_members("Id") ON DELETE CASCADE;

ALTER TABLE ONLY directory.on_call_overrides
    ADD CONSTRAINT "FK_on_call_overrides_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES directory.teams("Id") ON DELETE CASCADE;

ALTER TABLE ONLY directory.rotations
    ADD CONSTRAINT "FK_rotations_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES directory.teams("Id") ON DELETE CASCADE;

ALTER TABLE ONLY directory.schools
    ADD CONSTRAINT "FK_schools_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES directory.teams("Id") ON DELETE CASCADE;

ALTER TABLE ONLY directory.team_members
    ADD CONSTRAINT "FK_team_members_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES directory.teams("Id") ON DELETE CASCADE;

ALTER TABLE ONLY intake.receipts
    ADD CONSTRAINT "FK_receipts_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES intake.reports("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetRoleClaims"
    ADD CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES teams."AspNetRoles"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetUserClaims"
    ADD CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES teams."AspNetUsers"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetUserLogins"
    ADD CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES teams."AspNetUsers"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetUserRoles"
    ADD CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES teams."AspNetRoles"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetUserRoles"
    ADD CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES teams."AspNetUsers"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY teams."AspNetUserTokens"
    ADD CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES teams."AspNetUsers"("Id") ON DELETE CASCADE;

