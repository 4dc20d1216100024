using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Teams.Migrations
{
    /// <inheritdoc />
    public partial class RandomReporterLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A case's reporter label was a keyed hash of the contact, shared by every case of that phone or address: each
            // case gets its own random label, so nothing on the team's pages links them.
            // The same 40 random bits as intake's labels (modules share no code): random bytes 0-5, 7 and 9 of a version-4 UUID.
            // The subquery's condition names the updated row, so it is drawn again for every row.
            migrationBuilder.Sql("""
                UPDATE teams.cases t SET "Pseudonym" = (SELECT 'R-' || substr(s, 1, 4) || '-' || substr(s, 5, 4) FROM (
                  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(b, i) % 32 + 1, 1), '' ORDER BY i) AS s
                  FROM (SELECT uuid_send(gen_random_uuid()) AS b WHERE t."Id" IS NOT NULL) r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9]) AS i) x);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old labels cannot come back, and must not.
        }
    }
}
