using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Directory.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "directory");

            migrationBuilder.CreateTable(
                name: "teams",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkingLanguage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rotations",
                schema: "directory",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Interval = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HandoffTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rotations", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_rotations_teams_TeamId",
                        column: x => x.TeamId,
                        principalSchema: "directory",
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "schools",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsDistrictWide = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_schools_teams_TeamId",
                        column: x => x.TeamId,
                        principalSchema: "directory",
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RotationOrder = table.Column<int>(type: "integer", nullable: false),
                    AlertPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AlertEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "UTC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_team_members_teams_TeamId",
                        column: x => x.TeamId,
                        principalSchema: "directory",
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channel_numbers",
                schema: "directory",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_numbers", x => x.Number);
                    table.ForeignKey(
                        name: "FK_channel_numbers_schools_SchoolId",
                        column: x => x.SchoolId,
                        principalSchema: "directory",
                        principalTable: "schools",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "on_call_overrides",
                schema: "directory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_on_call_overrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_on_call_overrides_team_members_MemberId",
                        column: x => x.MemberId,
                        principalSchema: "directory",
                        principalTable: "team_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_on_call_overrides_teams_TeamId",
                        column: x => x.TeamId,
                        principalSchema: "directory",
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channel_numbers_SchoolId",
                schema: "directory",
                table: "channel_numbers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_on_call_overrides_MemberId",
                schema: "directory",
                table: "on_call_overrides",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_on_call_overrides_TeamId_EndsAt",
                schema: "directory",
                table: "on_call_overrides",
                columns: new[] { "TeamId", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_schools_Code",
                schema: "directory",
                table: "schools",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schools_IsDistrictWide",
                schema: "directory",
                table: "schools",
                column: "IsDistrictWide",
                unique: true,
                filter: "\"IsDistrictWide\"");

            migrationBuilder.CreateIndex(
                name: "IX_schools_TeamId",
                schema: "directory",
                table: "schools",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_team_members_TeamId",
                schema: "directory",
                table: "team_members",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_numbers",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "on_call_overrides",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "rotations",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "schools",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "team_members",
                schema: "directory");

            migrationBuilder.DropTable(
                name: "teams",
                schema: "directory");
        }
    }
}
