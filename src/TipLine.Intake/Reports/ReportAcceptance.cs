using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TipLine.Bus.Database;
using TipLine.Bus.Outbox;
using TipLine.Bus.Telemetry;
using TipLine.Contracts;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.Reports;

internal sealed record Acceptance(Guid ReportId, bool Duplicate, ReceiptCredentials? Receipt);

/// <summary>
/// The one path every channel takes to accept a tip: dedupe on the provider's id, de-identify,
/// then commit report, sealed contact, receipt and outbox row in one transaction. A tip counts as
/// accepted only once that commit succeeded.
/// </summary>
internal sealed class ReportAcceptance(
    IntakeDbContext db,
    SealedContactStore contacts,
    ReceiptSecrets receipts,
    PipelineMetrics metrics,
    TimeProvider clock)
{
    public async Task<Acceptance> AcceptAsync(NewReport report, bool issueReceipt, CancellationToken ct)
    {
        var existing = await FindAsync(report, ct);
        if (existing is not null) return new Acceptance(existing.Value, true, null);

        var now = clock.GetUtcNow();
        var reportId = Guid.NewGuid();
        // A new thread gets a new random label: never derived from the contact, so nothing typed anywhere reproduces it.
        var pseudonym = await FreeLabelAsync(ct);
        db.Reports.Add(new IntakeReport
        {
            Id = reportId,
            SchoolId = report.SchoolId,
            Channel = report.Channel,
            ProviderKey = report.ProviderKey,
            Pseudonym = pseudonym,
            Language = report.Language,
            WhatHappened = report.Content.WhatHappened,
            WhoIsInvolved = report.Content.WhoIsInvolved,
            WhenAndWhere = report.Content.WhenAndWhere,
            DangerNow = report.DangerNow,
            SenderVerified = report.SenderVerified,
            NotTranscribed = report.NotTranscribed,
            AcceptedAt = now,
            Status = ReportStatus.Received,
        });
        if (report.Contact is not null) contacts.Add(reportId, report.Contact.Channel, report.Contact.Address);
        var credentials = issueReceipt ? IssueReceipt(reportId) : null;
        db.AddToOutbox(new ReportSubmitted(reportId, report.SchoolId, report.Channel, pseudonym,
            report.Language, report.Content, report.DangerNow, now, report.AttachmentIds, report.SenderVerified,
            report.NotTranscribed), now);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same submission raced in twice: the other one won, and its report stands.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(report, ct) ?? throw new InvalidOperationException("Duplicate vanished.", e);
            return new Acceptance(winner, true, null);
        }
        db.OnCommitted(() => metrics.TipAccepted(report.Channel));
        return new Acceptance(reportId, false, credentials);
    }

    private async Task<string> FreeLabelAsync(CancellationToken ct)
    {
        var label = ReporterLabel.New();
        while (await db.Reports.AnyAsync(r => r.Pseudonym == label, ct)) label = ReporterLabel.New();
        return label;
    }

    private async Task<Guid?> FindAsync(NewReport report, CancellationToken ct) =>
        await db.Reports.AsNoTracking()
            .Where(r => r.Channel == report.Channel && r.ProviderKey == report.ProviderKey)
            .Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);

    private ReceiptCredentials IssueReceipt(Guid reportId)
    {
        var credentials = ReceiptSecrets.NewCredentials();
        var salt = RandomNumberGenerator.GetBytes(16);
        db.Receipts.Add(new Receipt
        {
            ReportId = reportId,
            CodeLookup = receipts.CodeLookup(credentials.Code),
            Salt = salt,
            Iterations = receipts.Iterations,
            PassphraseHash = ReceiptSecrets.HashPassphrase(credentials.Passphrase, salt, receipts.Iterations),
        });
        return credentials;
    }
}
