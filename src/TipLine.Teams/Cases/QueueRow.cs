namespace TipLine.Teams.Cases;

/// <summary>
/// One row of the queue page: a tip on its own, or every tip of one incident with its count. A group's first tip is its
/// most urgent and oldest, because the queue is already in that order.
/// </summary>
internal sealed record QueueRow(QueueItem First, int Tips, int Open, DateTimeOffset Latest, bool PossibleFlood)
{
    public bool IsIncident => Tips > 1;

    public static IReadOnlyList<QueueRow> Group(IReadOnlyList<QueueItem> queue) => queue
        // A case kept apart from the incident it started still has the incident's id as its own: the kinds of key differ.
        .GroupBy(item => item.IncidentId is { } incident ? (Incident: true, Id: incident) : (Incident: false, Id: item.CaseId))
        .Select(g => new QueueRow(g.First(), g.Count(), g.Count(i => !i.Acknowledged), g.Max(i => i.AcceptedAt), g.Any(i => i.PossibleFlood)))
        .ToList();
}
