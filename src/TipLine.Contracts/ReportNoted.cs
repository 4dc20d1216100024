namespace TipLine.Contracts;

/// <summary>
/// Something intake did with a report after accepting it that the team should be able to see on the case: Twilio's copy
/// of a recording, picture or text deleted (or not), a picture kept sealed instead of shown. <paramref name="Note"/> is one
/// of intake's fixed, content-free sentences: never the reporter's words, a number, an address or a provider id.
/// </summary>
public sealed record ReportNoted(Guid ReportId, Guid NoteId, string Note, DateTimeOffset At);
