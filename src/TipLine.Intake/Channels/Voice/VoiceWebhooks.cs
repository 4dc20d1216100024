using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Twilio;
using TipLine.Twilio.TwiML;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Voice;

/// <summary>
/// Twilio's voice webhooks: the call is answered with emergency guidance, a language menu and a recording; the finished
/// recording arrives on its status callback and is taken in by <see cref="VoicemailIntake"/>. Every request's signature
/// is checked (else 403, nothing created).
/// </summary>
internal static class VoiceWebhooks
{
    public const string InboundPath = "/twilio/voice";
    public const string LanguagePath = "/twilio/voice/language";
    public const string SchoolPath = "/twilio/voice/school";
    public const string RecordedPath = "/twilio/voice/recorded";
    public const string RecordingPath = "/twilio/voice/recording";

    /// <summary>Longest message, in seconds.</summary>
    public const int MaxRecordingSeconds = 300;

    public static IEndpointRouteBuilder MapVoiceWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapTwilioWebhooks();
        webhooks.MapPost(InboundPath, async (HttpRequest request, VoicemailIntake intake, VoicePrompts prompts,
            SchoolDirectory directory, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var parsed = InboundCall.FromForm(form);
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            await intake.CallStartedAsync(parsed.Value!, ct);
            return prompts.Greeting(await DistrictSchoolsAsync(parsed.Value!.To, directory, ct)).ToResult();
        });

        webhooks.MapPost(LanguagePath, async (HttpRequest request, VoicePrompts prompts, SchoolDirectory directory,
            CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var language = prompts.LanguageOfDigit(form["Digits"].ToString());
            return prompts.AfterLanguage(language, await DistrictSchoolsAsync(form["To"].ToString(), directory, ct)).ToResult();
        });

        webhooks.MapPost(SchoolPath, async (HttpRequest request, VoicePrompts prompts, SchoolDirectory directory,
            CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var schools = await DistrictSchoolsAsync(form["To"].ToString(), directory, ct) ?? [];
            var school = VoicePrompts.SchoolOfDigits(form["Digits"].ToString(), schools);
            return prompts.RecordIn(prompts.KnownLanguage(request.Query["lang"]), school).ToResult();
        });

        webhooks.MapPost(RecordedPath, async (HttpRequest request, VoicePrompts prompts, CancellationToken ct) =>
        {
            // The recording itself arrives on its status callback; here the caller only hears that we have it.
            return prompts.Goodbye(prompts.KnownLanguage(request.Query["lang"])).ToResult();
        });

        webhooks.MapPost(RecordingPath, async (HttpRequest request, VoicePrompts prompts, VoicemailIntake intake, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var parsed = RecordingStatus.FromForm(form);
            if (!parsed.IsValid) return Results.BadRequest(parsed.Error);
            var language = prompts.KnownLanguage(request.Query["lang"]);
            var school = Guid.TryParseExact(request.Query["school"].ToString(), "N", out var id) ? id : (Guid?)null;
            await intake.RecordingReadyAsync(parsed.Value!, language, school, Optional(form["To"]), Optional(form["From"]), ct);
            // Twilio does not wait for the work: the worker downloads and transcribes after this answer.
            return Results.NoContent();
        });
        return endpoints;
    }

    /// <summary>
    /// The schools a caller chooses from when the number called belongs to no one school (a shared district number); null
    /// for a school's own number. The district's own entry is not listed: it is where "not sure" goes.
    /// </summary>
    private static async Task<IReadOnlyList<SchoolListing>?> DistrictSchoolsAsync(string calledNumber, SchoolDirectory directory, CancellationToken ct)
    {
        if ((await directory.OwnerOfNumberAsync(calledNumber, ct)).SchoolId is not null) return null;
        var district = await directory.DistrictWideSchoolAsync(ct);
        return (await directory.ListSchoolsAsync(ct)).Where(s => s.Id != district?.Id).ToList();
    }

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 1 && value[0] is { Length: > 0 } v ? v : null;
}
