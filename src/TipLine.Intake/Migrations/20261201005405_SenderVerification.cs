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
