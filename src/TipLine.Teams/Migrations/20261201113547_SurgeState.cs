using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class SurgeState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notice",
                schema: "teams",
                table: "alert_attempts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "surge_state",
                schema: "teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecentTips = table.Column<int>(type: "integer", nullable: false),
                    UsualPerMinute = table.Column<double>(type: "double precision", nullable: false),
                    MeasuredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModeOn = table.Column<bool>(type: "boolean", nullable: false),
                    ModeChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ModeChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surge_state", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_AcceptedAt",
                schema: "teams",
                table: "cases",
                column: "AcceptedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surge_state",
                schema: "teams");

            migrationBuilder.DropIndex(
                name: "IX_cases_AcceptedAt",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Notice",
                schema: "teams",
                table: "alert_attempts");
        }
    }
}
