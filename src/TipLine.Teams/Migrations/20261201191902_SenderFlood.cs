using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class SenderFlood : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SenderFlood",
                schema: "teams",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SenderFlood",
                schema: "teams",
                table: "cases");
        }
    }
}
