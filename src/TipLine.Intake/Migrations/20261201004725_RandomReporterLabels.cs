using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class RandomReporterLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Labels were a keyed hash of the contact (the same phone or typed address gave the same label): every thread
            // gets a random one, and labels taken twice are drawn again before the unique index is built.
            migrationBuilder.Sql($$"""
                UPDATE intake.reports t SET "Pseudonym" = {{NewLabel}};
                DO $$ BEGIN
                  LOOP
                    UPDATE intake.reports t SET "Pseudonym" = {{NewLabel}} WHERE t."Id" IN (
                      SELECT "Id" FROM (SELECT "Id", row_number() OVER (PARTITION BY "Pseudonym" ORDER BY "Id") AS n FROM intake.reports) d WHERE n > 1);
                    EXIT WHEN NOT FOUND;
                  END LOOP;
                END $$;
                """);
            migrationBuilder.CreateIndex(
                name: "IX_reports_Pseudonym",
                schema: "intake",
                table: "reports",
                column: "Pseudonym",
                unique: true);
        }

        /// <summary>
        /// 40 random bits as R-XXXX-XXXX (Crockford base32) from PostgreSQL's strong random source: the random bytes of a
        /// version-4 UUID (0-5, 7, 9), five bits each. Its condition names the updated row, so it is drawn again for every row.
        /// </summary>
        private const string NewLabel = """
            (SELECT 'R-' || substr(s, 1, 4) || '-' || substr(s, 5, 4) FROM (
                  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(b, i) % 32 + 1, 1), '' ORDER BY i) AS s
                  FROM (SELECT uuid_send(gen_random_uuid()) AS b WHERE t."Id" IS NOT NULL) r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9]) AS i) x)
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_Pseudonym",
                schema: "intake",
                table: "reports");
        }
    }
}
