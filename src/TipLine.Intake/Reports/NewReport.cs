using TipLine.Contracts;

namespace TipLine.Intake.Reports;

/// <summary>
/// A tip as a channel adapter hands it over, after verifying and normalizing it.
/// The contact, if any, is sealed and never leaves intake. Attachment ids are published with the report, and so is whether
/// the provider vouched for the sender (<see cref="Contracts.ReportSubmitted"/>).
/// </summary>
internal sealed record NewReport(
    Guid SchoolId,
    string Channel,
    string ProviderKey,
    string Language,
    TipContent Content,
    bool DangerNow,
    ReporterContact? Contact,
    IReadOnlyList<Guid>? AttachmentIds = null,
    bool? SenderVerified = null,
    bool NotTranscribed = false);

/// <summary>How to reach a reporter: a channel (sms, email) and an address on it.</summary>
internal sealed record ReporterContact(string Channel, string Address);
