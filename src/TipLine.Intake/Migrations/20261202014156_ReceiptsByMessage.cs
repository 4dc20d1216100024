using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptsByMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "QuestionId",
                schema: "intake",
                table: "sms_pending",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "intake",
                table: "sms_pending",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedReceipt",
                schema: "intake",
                table: "sms_pending",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedReceipt",
                schema: "intake",
                table: "email_pending",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                schema: "intake",
                table: "sms_pending");

            migrationBuilder.DropColumn(
                name: "SealedReceipt",
                schema: "intake",
                table: "sms_pending");

            migrationBuilder.DropColumn(
                name: "SealedReceipt",
                schema: "intake",
                table: "email_pending");

            migrationBuilder.AlterColumn<Guid>(
                name: "QuestionId",
                schema: "intake",
                table: "sms_pending",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
