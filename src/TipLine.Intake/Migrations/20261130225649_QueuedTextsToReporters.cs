using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class QueuedTextsToReporters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sms_pending",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SendStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    DeadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_pending", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sms_pending_NextAttemptAt",
                schema: "intake",
                table: "sms_pending",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_sms_pending_QuestionId",
                schema: "intake",
                table: "sms_pending",
                column: "QuestionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sms_pending",
                schema: "intake");
        }
    }
}
