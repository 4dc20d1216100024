using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class TranslatedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TranslatedBy",
                schema: "teams",
                table: "early_answers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TranslatedBy",
                schema: "teams",
                table: "cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TranslatedBy",
                schema: "teams",
                table: "case_messages",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TranslatedBy",
                schema: "teams",
                table: "early_answers");

            migrationBuilder.DropColumn(
                name: "TranslatedBy",
                schema: "teams",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "TranslatedBy",
                schema: "teams",
                table: "case_messages");
        }
    }
}
