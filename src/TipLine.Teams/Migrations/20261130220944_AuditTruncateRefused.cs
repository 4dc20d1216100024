using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class AuditTruncateRefused : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The row trigger cannot see TRUNCATE, which empties the table without touching a row.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON teams.audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION teams.audit_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON teams.audit_entries;");
        }
    }
}
