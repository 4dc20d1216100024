using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class QueuedWorkDeadItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeadAt",
                schema: "intake",
                table: "voicemail_pending",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeadAt",
                schema: "intake",
                table: "mms_pending",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeadAt",
                schema: "intake",
                table: "email_pending",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                schema: "intake",
                table: "email_pending",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeadAt",
                schema: "intake",
                table: "voicemail_pending");

            migrationBuilder.DropColumn(
                name: "DeadAt",
                schema: "intake",
                table: "mms_pending");

            migrationBuilder.DropColumn(
                name: "DeadAt",
                schema: "intake",
                table: "email_pending");

            migrationBuilder.DropColumn(
                name: "LastError",
                schema: "intake",
                table: "email_pending");
        }
    }
}
