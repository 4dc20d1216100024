namespace TipLine.Directory.Schedules;

/// <summary>
/// Who is on call, worked out from a team's schedule alone (no database, no clock): overrides win
/// over the rotation, the override created last wins where overrides overlap, and wherever the
/// team has nobody, the district's 24/7 fallback schedule decides.
/// </summary>
public static class ScheduleResolver
{
    /// <summary>How far ahead "next" looks for a handoff.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>The shifts between two instants, cut at the window's edges; a gap means nobody at all is on call.</summary>
    public static IReadOnlyList<OnCallShift> Shifts(OnCallSchedule team, OnCallSchedule? fallback, DateTimeOffset from, DateTimeOffset to)
    {
        var shifts = new List<OnCallShift>();
        foreach (var (start, end, member, source) in TeamSegments(team, from, to))
        {
            if (member is { } id) shifts.Add(new OnCallShift(id, start, end, source));
            else if (fallback is not null)
            {
                shifts.AddRange(TeamSegments(fallback, start, end).Where(s => s.Member is not null)
                    .Select(s => new OnCallShift(s.Member!.Value, s.Start, s.End, ShiftSource.Fallback)));
            }
        }
        return Merge(shifts);
    }

    /// <summary>The shift in progress at an instant (ending at its next handoff), or null when nobody is on call.</summary>
    public static OnCallShift? OnCallAt(OnCallSchedule team, OnCallSchedule? fallback, DateTimeOffset at) =>
        Shifts(team, fallback, at, at + Horizon).FirstOrDefault(s => s.From == at);

    /// <summary>The first shift after the current one that belongs to someone else: who takes over, and when.</summary>
    public static OnCallShift? NextAfter(OnCallSchedule team, OnCallSchedule? fallback, DateTimeOffset at)
    {
        var shifts = Shifts(team, fallback, at, at + Horizon);
        var current = shifts.FirstOrDefault(s => s.From == at)?.MemberId;
        return shifts.FirstOrDefault(s => s.MemberId != current && s.From > at);
    }

    private readonly record struct Segment(DateTimeOffset Start, DateTimeOffset End, Guid? Member, ShiftSource Source);

    private static List<Segment> TeamSegments(OnCallSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        if (schedule.Rotation is { } rotation)
        {
            for (var turn = RotationTurns.At(rotation, from) + 1; RotationTurns.Start(rotation, turn) < to; turn++)
            {
                cuts.Add(RotationTurns.Start(rotation, turn));
            }
        }
        foreach (var cover in schedule.Covers)
        {
            if (cover.StartsAt > from && cover.StartsAt < to) cuts.Add(cover.StartsAt);
            if (cover.EndsAt > from && cover.EndsAt < to) cuts.Add(cover.EndsAt);
        }
        var segments = new List<Segment>();
        foreach (var (start, end) in cuts.Zip(cuts.Skip(1)))
        {
            var cover = schedule.Covers.Where(c => c.StartsAt <= start && start < c.EndsAt).MaxBy(c => c.CreatedAt);
            segments.Add(cover is not null
                ? new Segment(start, end, cover.MemberId, ShiftSource.Override)
                : new Segment(start, end, schedule.Rotation is { } r ? RotationTurns.Member(r, RotationTurns.At(r, start)) : null,
                    ShiftSource.Rotation));
        }
        return segments;
    }

    /// <summary>Joins back-to-back shifts of the same member from the same source (e.g. one person rotations).</summary>
    private static List<OnCallShift> Merge(List<OnCallShift> shifts)
    {
        var merged = new List<OnCallShift>();
        foreach (var shift in shifts)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.MemberId == shift.MemberId && last.Source == shift.Source && last.To == shift.From)
            {
                merged[^1] = last with { To = shift.To };
            }
            else merged.Add(shift);
        }
        return merged;
    }
}
