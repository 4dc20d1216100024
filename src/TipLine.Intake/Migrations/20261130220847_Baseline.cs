using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipLine.Intake.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "intake");

            migrationBuilder.CreateTable(
                name: "email_attachments",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    OriginalContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SealedOriginal = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PurgeAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "email_cursors",
                schema: "intake",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    LastUid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_cursors", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "email_inbound",
                schema: "intake",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_inbound", x => new { x.Mailbox, x.UidValidity, x.Uid });
                });

            migrationBuilder.CreateTable(
                name: "email_pending",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_pending", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "email_thread_messages",
                schema: "intake",
                columns: table => new
                {
                    MessageKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_thread_messages", x => x.MessageKey);
                });

            migrationBuilder.CreateTable(
                name: "email_threads",
                schema: "intake",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Mailbox = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OurAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    References = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_threads", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "followup_messages",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromReporter = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followup_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "intake",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "mms_media",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MediaIndex = table.Column<int>(type: "integer", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    OriginalContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SealedOriginal = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PurgeAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mms_media", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mms_pending",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MediaIndex = table.Column<int>(type: "integer", nullable: false),
                    MediaUrl = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    HeldSmsId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mms_pending", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProviderKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WhatHappened = table.Column<string>(type: "text", nullable: false),
                    WhoIsInvolved = table.Column<string>(type: "text", nullable: true),
                    WhenAndWhere = table.Column<string>(type: "text", nullable: true),
                    DangerNow = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRepublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sealed_contacts",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PurgeAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sealed_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sms_deliveries",
                schema: "intake",
                columns: table => new
                {
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageSid = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: false),
                    ErrorCode = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_deliveries", x => x.QuestionId);
                });

            migrationBuilder.CreateTable(
                name: "sms_held",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageSid = table.Column<string>(type: "text", nullable: false),
                    ReporterKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OurNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SealedFrom = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_held", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sms_inbound",
                schema: "intake",
                columns: table => new
                {
                    MessageSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_inbound", x => x.MessageSid);
                });

            migrationBuilder.CreateTable(
                name: "sms_opt_outs",
                schema: "intake",
                columns: table => new
                {
                    ReporterKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OptedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_opt_outs", x => x.ReporterKey);
                });

            migrationBuilder.CreateTable(
                name: "sms_threads",
                schema: "intake",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OurNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastMessageAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_threads", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "voice_calls",
                schema: "intake",
                columns: table => new
                {
                    CallSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CalledNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SealedCaller = table.Column<byte[]>(type: "bytea", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_calls", x => x.CallSid);
                });

            migrationBuilder.CreateTable(
                name: "voice_recordings",
                schema: "intake",
                columns: table => new
                {
                    RecordingSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voice_recordings", x => x.RecordingSid);
                });

            migrationBuilder.CreateTable(
                name: "voicemail_pending",
                schema: "intake",
                columns: table => new
                {
                    RecordingSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordingUrl = table.Column<string>(type: "text", nullable: false),
                    CalledNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SealedCaller = table.Column<byte[]>(type: "bytea", nullable: true),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemail_pending", x => x.RecordingSid);
                });

            migrationBuilder.CreateTable(
                name: "voicemails",
                schema: "intake",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordingSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    OriginalContentType = table.Column<string>(type: "text", nullable: false),
                    SealedOriginal = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PurgeAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemails", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                schema: "intake",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeLookup = table.Column<byte[]>(type: "bytea", nullable: false),
                    PassphraseHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    Iterations = table.Column<int>(type: "integer", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipts", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_receipts_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "intake",
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_email_attachments_MessageKey_Index",
                schema: "intake",
                table: "email_attachments",
                columns: new[] { "MessageKey", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_attachments_PurgeAfter",
                schema: "intake",
                table: "email_attachments",
                column: "PurgeAfter");

            migrationBuilder.CreateIndex(
                name: "IX_email_attachments_ReportId",
                schema: "intake",
                table: "email_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_email_inbound_MessageKey",
                schema: "intake",
                table: "email_inbound",
                column: "MessageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_pending_NextAttemptAt",
                schema: "intake",
                table: "email_pending",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_email_thread_messages_ReportId",
                schema: "intake",
                table: "email_thread_messages",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_followup_messages_ReportId_CreatedAt",
                schema: "intake",
                table: "followup_messages",
                columns: new[] { "ReportId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mms_media_MessageSid_MediaIndex",
                schema: "intake",
                table: "mms_media",
                columns: new[] { "MessageSid", "MediaIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mms_media_PurgeAfter",
                schema: "intake",
                table: "mms_media",
                column: "PurgeAfter");

            migrationBuilder.CreateIndex(
                name: "IX_mms_media_ReportId",
                schema: "intake",
                table: "mms_media",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_mms_pending_HeldSmsId",
                schema: "intake",
                table: "mms_pending",
                column: "HeldSmsId");

            migrationBuilder.CreateIndex(
                name: "IX_mms_pending_MessageSid_MediaIndex",
                schema: "intake",
                table: "mms_pending",
                columns: new[] { "MessageSid", "MediaIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mms_pending_NextAttemptAt",
                schema: "intake",
                table: "mms_pending",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_next_attempt_at",
                schema: "intake",
                table: "outbox_messages",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "IX_receipts_CodeLookup",
                schema: "intake",
                table: "receipts",
                column: "CodeLookup",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_AcceptedAt",
                schema: "intake",
                table: "reports",
                column: "AcceptedAt",
                filter: "\"CaseOpenedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_reports_Channel_ProviderKey",
                schema: "intake",
                table: "reports",
                columns: new[] { "Channel", "ProviderKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sealed_contacts_PurgeAfter",
                schema: "intake",
                table: "sealed_contacts",
                column: "PurgeAfter");

            migrationBuilder.CreateIndex(
                name: "IX_sealed_contacts_ReportId",
                schema: "intake",
                table: "sealed_contacts",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_sms_deliveries_MessageSid",
                schema: "intake",
                table: "sms_deliveries",
                column: "MessageSid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sms_held_MessageSid",
                schema: "intake",
                table: "sms_held",
                column: "MessageSid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sms_held_ReceivedAt",
                schema: "intake",
                table: "sms_held",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sms_held_ReporterKey",
                schema: "intake",
                table: "sms_held",
                column: "ReporterKey");

            migrationBuilder.CreateIndex(
                name: "IX_sms_threads_ReporterKey_LastMessageAt",
                schema: "intake",
                table: "sms_threads",
                columns: new[] { "ReporterKey", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voicemail_pending_NextAttemptAt",
                schema: "intake",
                table: "voicemail_pending",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_PurgeAfter",
                schema: "intake",
                table: "voicemails",
                column: "PurgeAfter");

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_RecordingSid",
                schema: "intake",
                table: "voicemails",
                column: "RecordingSid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "email_attachments",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "email_cursors",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "email_inbound",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "email_pending",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "email_thread_messages",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "email_threads",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "followup_messages",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "mms_media",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "mms_pending",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "receipts",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sealed_contacts",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sms_deliveries",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sms_held",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sms_inbound",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sms_opt_outs",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "sms_threads",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "voice_calls",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "voice_recordings",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "voicemail_pending",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "voicemails",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "reports",
                schema: "intake");
        }
    }
}
