using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class SenderVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CallerUnverified",
                schema: "intake",
                table: "voicemail_pending",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CallerUnverified",
                schema: "intake",
                table: "voice_calls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SenderVerified",
                schema: "intake",
                table: "reports",
                type: "boolean",
                nullable: true);

            // Calls and recordings in flight were taken before attestation was checked: their caller IDs could be forged, so
            // they are dropped, as a new call without full attestation would be.
            migrationBuilder.Sql("""
                UPDATE intake.voice_calls SET "SealedCaller" = NULL, "CallerUnverified" = true WHERE "SealedCaller" IS NOT NULL;
                UPDATE intake.voicemail_pending SET "SealedCaller" = NULL, "CallerUnverified" = true WHERE "SealedCaller" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallerUnverified",
                schema: "intake",
                table: "voicemail_pending");

            migrationBuilder.DropColumn(
                name: "CallerUnverified",
                schema: "intake",
                table: "voice_calls");

            migrationBuilder.DropColumn(
                name: "SenderVerified",
                schema: "intake",
                table: "reports");
        }
    }
}
