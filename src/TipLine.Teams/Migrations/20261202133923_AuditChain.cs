using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                schema: "teams",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Hash",
                schema: "teams",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousHash",
                schema: "teams",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                schema: "teams",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                schema: "teams",
                table: "audit_entries",
                column: "At");

            // The chain: each entry's Hash covers the entry before it. See TipLine.Teams.Audit.AuditChain.
            migrationBuilder.Sql("""
                CREATE FUNCTION teams.audit_genesis() RETURNS bytea LANGUAGE sql IMMUTABLE
                AS $$ SELECT decode(repeat('00', 32), 'hex') $$;

                -- The time in UTC as text, so the digest does not depend on the session's time zone.
                CREATE FUNCTION teams.audit_digest(previous bytea, e teams.audit_entries) RETURNS bytea LANGUAGE sql STABLE
                AS $$ SELECT pg_catalog.sha256(previous || pg_catalog.convert_to(pg_catalog.jsonb_build_array(
                    e."Id", pg_catalog.to_char(e."At" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e."ActorId", e."Action",
                    e."TeamId", e."CaseId", e."Allowed", e."Detail")::text, 'UTF8')) $$;

                CREATE TABLE teams.audit_chain_head (
                    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                    last_id bigint NOT NULL,
                    hash bytea NOT NULL);

                -- Entries written before the chain existed are chained in id order.
                ALTER TABLE teams.audit_entries DISABLE TRIGGER audit_entries_append_only;
                DO $$
                DECLARE
                    r teams.audit_entries;
                    previous bytea := teams.audit_genesis();
                BEGIN
                    FOR r IN SELECT * FROM teams.audit_entries ORDER BY "Id" LOOP
                        UPDATE teams.audit_entries SET "PreviousHash" = previous, "Hash" = teams.audit_digest(previous, r)
                        WHERE "Id" = r."Id" RETURNING "Hash" INTO previous;
                    END LOOP;
                    INSERT INTO teams.audit_chain_head VALUES (true, coalesce((SELECT max("Id") FROM teams.audit_entries), 0), previous);
                END $$;
                ALTER TABLE teams.audit_entries ENABLE TRIGGER audit_entries_append_only;

                -- Runs as the owner, so the module's role needs no write access to the head. The head's row lock is held
                -- until commit: one writer at a time, and an id drawn under it follows the chain's order.
                CREATE FUNCTION teams.audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                DECLARE previous bytea;
                BEGIN
                    SELECT hash INTO previous FROM teams.audit_chain_head FOR UPDATE;
                    NEW."Id" := nextval(pg_get_serial_sequence('teams.audit_entries', 'Id'));
                    NEW."PreviousHash" := previous;
                    NEW."Hash" := teams.audit_digest(previous, NEW);
                    UPDATE teams.audit_chain_head SET last_id = NEW."Id", hash = NEW."Hash";
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_entries_chain BEFORE INSERT ON teams.audit_entries
                FOR EACH ROW EXECUTE FUNCTION teams.audit_chain();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_chain ON teams.audit_entries;
                DROP FUNCTION teams.audit_chain();
                DROP TABLE teams.audit_chain_head;
                DROP FUNCTION teams.audit_digest(bytea, teams.audit_entries);
                DROP FUNCTION teams.audit_genesis();
                """);

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At",
                schema: "teams",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Detail",
                schema: "teams",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Hash",
                schema: "teams",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                schema: "teams",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "TeamId",
                schema: "teams",
                table: "audit_entries");
        }
    }
}
