using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class IncidentsAndCoalescedAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "IncidentId",
                schema: "teams",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "KeptApart",
                schema: "teams",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PossibleFlood",
                schema: "teams",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "CoveredBy",
                schema: "teams",
                table: "alert_attempts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImminentCount",
                schema: "teams",
                table: "alert_attempts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_cases_IncidentId",
                schema: "teams",
                table: "cases",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_SchoolId_AcceptedAt",
                schema: "teams",
                table: "cases",
                columns: new[] { "SchoolId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_attempts_MemberId_Method_SentAt",
                schema: "teams",
                table: "alert_attempts",
                columns: new[] { "MemberId", "Method", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_IncidentId",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_SchoolId_AcceptedAt",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_alert_attempts_MemberId_Method_SentAt",
                schema: "teams",
                table: "alert_attempts");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "KeptApart",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PossibleFlood",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CoveredBy",
                schema: "teams",
                table: "alert_attempts");

            migrationBuilder.DropColumn(
                name: "ImminentCount",
                schema: "teams",
                table: "alert_attempts");
        }
    }
}
