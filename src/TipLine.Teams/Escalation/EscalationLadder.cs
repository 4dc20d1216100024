using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Escalation;

/// <summary>One alert to plan: this member, by this method.</summary>
internal sealed record PlannedAlert(Guid MemberId, AlertMethod Method);

/// <summary>
/// Who is alerted at each level, how, and when the next level is due. Level 1: the member on call (the team's
/// administrator when nobody is; for a tip nobody could translate, also an on-call-eligible member who reads it, see
/// <see cref="ReaderFor"/>), plus the administrator when the policy says so and the law-enforcement liaison at or
/// above the district's threshold. Level 2: the whole team. Level 3 and every repeat: the district's 24/7 fallback team
/// (the whole team again when the district has none; the caller passes none when the tip is already the fallback team's).
/// </summary>
internal static class EscalationLadder
{
    public const int TopLevel = 3;

    public static IReadOnlyList<TeamMember> MembersAt(int level, SuggestedUrgency urgency, Guid? onCall, IReadOnlyList<TeamMember> team,
        IReadOnlyList<TeamMember> districtTeam, EscalationOptions options)
    {
        if (level >= TopLevel && districtTeam.Count > 0) return districtTeam;
        if (level >= 2) return team;
        var policy = options.PolicyFor(urgency);
        var administrators = team.Where(m => m.Role == TeamRole.Administrator).ToList();
        var first = team.Where(m => m.Id == onCall).ToList();
        if (first.Count == 0) first = administrators.Count > 0 ? administrators : [.. team.Take(1)];
        if (policy.AlertAdministrator) first.AddRange(administrators);
        if (urgency >= options.LawEnforcementAt) first.AddRange(team.Where(m => m.Role == TeamRole.LawEnforcementLiaison));
        return first.DistinctBy(m => m.Id).ToList();
    }

    /// <summary>
    /// Who should also be alerted first about a tip in <paramref name="language"/> that could not be machine-translated: the
    /// member on call when they read it, else the first member in rotation order who may be on call
    /// (<paramref name="rotation"/>, or the whole team in its listed order when it has none), reads it and can be alerted; null
    /// when nobody does (NASP: teams include members who speak the community's languages).
    /// </summary>
    public static TeamMember? ReaderFor(string language, Guid? onCall, IReadOnlyList<TeamMember> team, IReadOnlyList<Guid>? rotation)
    {
        bool Reads(TeamMember? m) => m is not null && m.LanguagesRead.Contains(language, StringComparer.OrdinalIgnoreCase)
            && (!string.IsNullOrEmpty(m.AlertPhone) || !string.IsNullOrEmpty(m.AlertEmail));
        if (team.FirstOrDefault(m => m.Id == onCall) is { } current && Reads(current)) return current;
        var order = rotation is { Count: > 0 } ? rotation : team.Select(m => m.Id).ToList();
        return order.Select(id => team.FirstOrDefault(m => m.Id == id)).FirstOrDefault(Reads);
    }

    /// <summary>
    /// SMS and email at once, or the first method the member has an address for (SMS first when <paramref name="smsFirst"/>).
    /// A member with neither address cannot be alerted.
    /// </summary>
    public static IEnumerable<PlannedAlert> Plan(IEnumerable<TeamMember> members, bool both, bool smsFirst = true)
    {
        foreach (var m in members)
        {
            var methods = new List<AlertMethod>();
            if (!string.IsNullOrEmpty(m.AlertPhone)) methods.Add(AlertMethod.Sms);
            if (!string.IsNullOrEmpty(m.AlertEmail)) methods.Add(AlertMethod.Email);
            if (!smsFirst) methods.Reverse();
            foreach (var method in both ? methods : methods.Take(1)) yield return new PlannedAlert(m.Id, method);
        }
    }

    /// <summary>After alerting <paramref name="level"/>, when the next alert is due if nobody acknowledges.</summary>
    public static DateTimeOffset NextDue(int level, DateTimeOffset now, UrgencyPolicy policy) =>
        now + (level < TopLevel ? policy.EscalateAfter : policy.RepeatEvery);

    public static AlertMethod Other(AlertMethod method) => method == AlertMethod.Sms ? AlertMethod.Email : AlertMethod.Sms;

    public static string? AddressFor(TeamMember member, AlertMethod method) =>
        method == AlertMethod.Sms ? member.AlertPhone : member.AlertEmail;
}
