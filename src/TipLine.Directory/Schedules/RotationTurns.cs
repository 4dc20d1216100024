namespace TipLine.Directory.Schedules;

/// <summary>
/// Where a rotation's turns fall: turn k starts at the handoff time, local, on StartDate + k days
/// (daily) or weeks (weekly), and belongs to member k modulo the member count. Local handoff
/// times stay put across daylight-saving changes, so a turn then lasts 23 or 25 hours.
/// </summary>
internal static class RotationTurns
{
    public static DateTimeOffset Start(RotationPlan plan, long turn) =>
        LocalHandoff.ToInstant(plan.StartDate.AddDays(checked((int)(turn * DaysPerTurn(plan)))), plan.HandoffTime, plan.Zone);

    /// <summary>The turn in progress at an instant.</summary>
    public static long At(RotationPlan plan, DateTimeOffset instant)
    {
        var days = LocalHandoff.LocalDate(instant, plan.Zone).DayNumber - plan.StartDate.DayNumber;
        var turn = (long)Math.Floor(days / (double)DaysPerTurn(plan));
        while (Start(plan, turn) > instant) turn--;
        while (Start(plan, turn + 1) <= instant) turn++;
        return turn;
    }

    public static Guid? Member(RotationPlan plan, long turn)
    {
        var count = plan.MemberIds.Count;
        return count == 0 ? null : plan.MemberIds[(int)(((turn % count) + count) % count)];
    }

    private static int DaysPerTurn(RotationPlan plan) => plan.Interval == HandoffInterval.Weekly ? 7 : 1;
}
