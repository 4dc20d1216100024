using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class EscalationsAndAlertsOnWorkQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_escalations_NextDueAt", schema: "teams", table: "escalations");
            migrationBuilder.DropIndex(name: "IX_alert_attempts_DueAt", schema: "teams", table: "alert_attempts");

            // An escalation's due time becomes its queue time; a stopped one keeps when it stopped (never claimed again).
            migrationBuilder.RenameColumn(name: "NextDueAt", schema: "teams", table: "escalations", newName: "NextAttemptAt");
            migrationBuilder.Sql("""UPDATE teams.escalations SET "NextAttemptAt" = coalesce("StoppedAt", "StartedAt") WHERE "NextAttemptAt" IS NULL""");
            migrationBuilder.AlterColumn<DateTimeOffset>(name: "NextAttemptAt", schema: "teams", table: "escalations",
                type: "timestamp with time zone", nullable: false, oldClrType: typeof(DateTimeOffset), oldType: "timestamp with time zone", oldNullable: true);
            migrationBuilder.AddColumn<int>(name: "Attempts", schema: "teams", table: "escalations", type: "integer", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<string>(name: "LastError", schema: "teams", table: "escalations", type: "text", nullable: true);
            migrationBuilder.AddColumn<DateTimeOffset>(name: "DeadAt", schema: "teams", table: "escalations", type: "timestamp with time zone", nullable: true);

            // A pending alert is due when it was planned.
            migrationBuilder.AddColumn<int>(name: "Attempts", schema: "teams", table: "alert_attempts", type: "integer", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<DateTimeOffset>(name: "DeadAt", schema: "teams", table: "alert_attempts", type: "timestamp with time zone", nullable: true);
            migrationBuilder.AddColumn<string>(name: "LastError", schema: "teams", table: "alert_attempts", type: "text", nullable: true);
            migrationBuilder.AddColumn<DateTimeOffset>(name: "NextAttemptAt", schema: "teams", table: "alert_attempts", type: "timestamp with time zone",
                nullable: false, defaultValue: DateTimeOffset.UnixEpoch);
            migrationBuilder.Sql("""UPDATE teams.alert_attempts SET "NextAttemptAt" = "DueAt" """);

            migrationBuilder.CreateIndex(name: "IX_escalations_NextAttemptAt", schema: "teams", table: "escalations", column: "NextAttemptAt",
                filter: "\"StoppedAt\" IS NULL");
            migrationBuilder.CreateIndex(name: "IX_alert_attempts_NextAttemptAt", schema: "teams", table: "alert_attempts", column: "NextAttemptAt",
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_escalations_NextAttemptAt", schema: "teams", table: "escalations");
            migrationBuilder.DropIndex(name: "IX_alert_attempts_NextAttemptAt", schema: "teams", table: "alert_attempts");
            migrationBuilder.DropColumn(name: "Attempts", schema: "teams", table: "escalations");
            migrationBuilder.DropColumn(name: "LastError", schema: "teams", table: "escalations");
            migrationBuilder.DropColumn(name: "DeadAt", schema: "teams", table: "escalations");
            migrationBuilder.DropColumn(name: "Attempts", schema: "teams", table: "alert_attempts");
            migrationBuilder.DropColumn(name: "DeadAt", schema: "teams", table: "alert_attempts");
            migrationBuilder.DropColumn(name: "LastError", schema: "teams", table: "alert_attempts");
            migrationBuilder.DropColumn(name: "NextAttemptAt", schema: "teams", table: "alert_attempts");
            migrationBuilder.AlterColumn<DateTimeOffset>(name: "NextAttemptAt", schema: "teams", table: "escalations",
                type: "timestamp with time zone", nullable: true, oldClrType: typeof(DateTimeOffset), oldType: "timestamp with time zone");
            migrationBuilder.RenameColumn(name: "NextAttemptAt", schema: "teams", table: "escalations", newName: "NextDueAt");
            migrationBuilder.Sql("""UPDATE teams.escalations SET "NextDueAt" = NULL WHERE "StoppedAt" IS NOT NULL""");
            migrationBuilder.CreateIndex(name: "IX_escalations_NextDueAt", schema: "teams", table: "escalations", column: "NextDueAt",
                filter: "\"NextDueAt\" IS NOT NULL");
            migrationBuilder.CreateIndex(name: "IX_alert_attempts_DueAt", schema: "teams", table: "alert_attempts", column: "DueAt",
                filter: "\"Status\" = 'Pending'");
        }
    }
}
