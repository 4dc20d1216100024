using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TipLine.Directory;
using TipLine.Directory.Schedules;

namespace TipLine.Teams.OnCall;

/// <summary>
/// A member's on-call shifts as iCalendar: the last two weeks and the next eight, each shift one
/// event in UTC, so every calendar app shows it at the right local time, daylight saving or not.
/// </summary>
internal sealed class OnCallCalendar(SchoolDirectory directory, OnCallDirectory onCall, TimeProvider clock)
{
    public static readonly TimeSpan Past = TimeSpan.FromDays(14);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(56);

    public async Task<string> ForAsync(Guid staffId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = new Calendar { ProductId = "-//TipLine//On-call schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", "TipLine on call");
        var member = await directory.MemberAsync(staffId, ct);
        if (member is not null)
        {
            var team = (await directory.ListTeamsAsync(ct)).FirstOrDefault(t => t.Id == member.TeamId)?.Name ?? "your team";
            var shifts = await onCall.ShiftsAsync(member.TeamId, now - Past, now + Ahead, ct);
            foreach (var shift in shifts.Where(s => s.MemberId == staffId))
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{staffId:N}-{shift.From.UtcDateTime:yyyyMMddTHHmmss}Z@oncall.tipline",
                    Summary = shift.Source == ShiftSource.Override ? $"On call (covering): {team}" : $"On call: {team}",
                    Start = new CalDateTime(shift.From.UtcDateTime),
                    End = new CalDateTime(shift.To.UtcDateTime),
                    DtStamp = new CalDateTime(now.UtcDateTime),
                    Transparency = TransparencyType.Transparent,
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
