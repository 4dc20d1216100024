using System.ComponentModel.DataAnnotations;
using TipLine.Contracts;

namespace TipLine.Teams.Escalation;

/// <summary>
/// How an unacknowledged tip climbs the ladder (configuration section "Escalation"): per suggested urgency, how long
/// before the next level is alerted and how often the last level is alerted again; routine tips wait for a digest.
/// </summary>
internal sealed class EscalationOptions : IValidatableObject
{
    public const string Section = "Escalation";

    public UrgencyPolicy Imminent { get; set; } = new()
    {
        EscalateAfter = TimeSpan.FromMinutes(5), RepeatEvery = TimeSpan.FromMinutes(5), AlertAdministrator = true, SmsAndEmail = true,
    };

    public UrgencyPolicy High { get; set; } = new() { EscalateAfter = TimeSpan.FromMinutes(15), RepeatEvery = TimeSpan.FromMinutes(15) };

    public DigestOptions Routine { get; set; } = new();

    /// <summary>The district's law-enforcement threshold: at or above it, the team's liaison is alerted with the first level.</summary>
    public SuggestedUrgency LawEnforcementAt { get; set; } = SuggestedUrgency.Imminent;

    /// <summary>HMAC-SHA256 key that signs acknowledgement links: 32 random bytes, base64.</summary>
    public string AckLinkKey { get; set; } = "";

    /// <summary>
    /// At most one alert per member, method and incident in this window (tips not grouped into an incident count as one):
    /// what arrives meanwhile waits for the window's end and goes as one alert that counts and covers it all. Zero sends every
    /// alert on its own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an acknowledgement link in an alert works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan AckLinkLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long Twilio's word on a text whose send was never recorded (<see cref="EarlyAlertStatus"/>: the process died
    /// between Twilio's answer and its commit, and the alert went again under a new sid) is kept before it is deleted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan EarlyStatusKeptFor { get; set; } = TimeSpan.FromDays(1);

    public UrgencyPolicy PolicyFor(SuggestedUrgency urgency) => urgency == SuggestedUrgency.Imminent ? Imminent : High;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        Span<byte> key = stackalloc byte[64];
        if (!Convert.TryFromBase64String(AckLinkKey, key, out var length) || length != 32)
        {
            yield return new ValidationResult("AckLinkKey must be 32 random bytes in base64 (openssl rand -base64 32).", [nameof(AckLinkKey)]);
        }
        foreach (var (name, policy) in new[] { (nameof(Imminent), Imminent), (nameof(High), High) })
        {
            if (policy.EscalateAfter <= TimeSpan.Zero || policy.RepeatEvery <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name}: EscalateAfter and RepeatEvery must be positive.", [name]);
            }
        }
        if (Routine.TimeZoneInfo() is null) yield return new ValidationResult($"Routine:TimeZone '{Routine.TimeZone}' is not a known time zone.");
        if (Routine.Days() is null) yield return new ValidationResult($"Routine:SchoolDays '{Routine.SchoolDays}' must list days of the week.");
    }
}

internal sealed class UrgencyPolicy
{
    /// <summary>Without acknowledgement, the next level is alerted this long after the previous one.</summary>
    public TimeSpan EscalateAfter { get; set; }

    /// <summary>Once every level has been alerted, the last level is alerted again this often, until someone acknowledges.</summary>
    public TimeSpan RepeatEvery { get; set; }

    /// <summary>The first level also alerts the team's administrator, not only the member on call.</summary>
    public bool AlertAdministrator { get; set; }

    /// <summary>Alert by SMS and email at once; otherwise by SMS, with email only when SMS fails or there is no phone.</summary>
    public bool SmsAndEmail { get; set; }
}

/// <summary>Routine tips are not escalated: the team gets one digest at the next school-day morning.</summary>
internal sealed class DigestOptions
{
    /// <summary>Local time of the digest.</summary>
    public TimeOnly At { get; set; } = new(7, 30);

    /// <summary>IANA time zone of the district, e.g. America/Chicago.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Comma-separated days of the week the digest goes out.</summary>
    public string SchoolDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    public TimeZoneInfo? TimeZoneInfo() => System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : null;

    public IReadOnlySet<DayOfWeek>? Days()
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var name in SchoolDays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || !Enum.IsDefined(day)) return null;
            days.Add(day);
        }
        return days.Count == 0 ? null : days;
    }
}
