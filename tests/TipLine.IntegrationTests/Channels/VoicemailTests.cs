using TipLine.Intake.Localization;
using System.Net.Http.Json;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.Intake.Channels.Voice;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

public sealed record VoiceCase(string Name, string Path, Func<Dictionary<string, string>> Form, SmsDistrict.Signing Signing, HttpStatusCode Status,
    string[] InOrder)
{
    public override string ToString() => Name;
}

/// <summary>Calls and voicemails through Twilio's voice webhooks.</summary>
public sealed class VoicemailTests : SmsDistrict
{
    private const string Caller = "+15557770000";
    private const string RecordingSid = "RE0123456789abcdef0123456789abcdef";
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private static readonly string RecordingPath = $"/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}";
    private readonly Lazy<byte[]> recording = new(() => Speak("there is a student with a knife in the cafeteria"));
    private int downloads;
    private int missingDownloads;

    public static TheoryData<VoiceCase> Cases => new()
    {
        new("call, valid signature", "/twilio/voice", () => Call(), Signing.Valid, HttpStatusCode.OK,
        [
            "hang up and call 911", "cuelgue y llame al 911",
            $"<Gather action=\"{PublicBaseUrl}/twilio/voice/language\" numDigits=\"1\" timeout=\"5\">", "For English, press 1.", "Para español, oprima 2.",
            "</Gather>", "After the beep",
            $"<Record action=\"{PublicBaseUrl}/twilio/voice/recorded?lang=en\" recordingStatusCallback=\"{PublicBaseUrl}/twilio/voice/recording?lang=en\" maxLength=\"300\" playBeep=\"true\" />",
        ]),
        new("call, wrong signature", "/twilio/voice", () => Call(), Signing.Wrong, HttpStatusCode.Forbidden, []),
        new("call, missing signature", "/twilio/voice", () => Call(), Signing.Missing, HttpStatusCode.Forbidden, []),
        new("call to another account", "/twilio/voice", () => WithAccount(Call(), "AC" + new string('9', 32)), Signing.Valid, HttpStatusCode.Forbidden, []),
        new("recording callback of another account", "/twilio/voice/recording?lang=en",
            () => WithAccount(RecordingForm("https://api.twilio.com/x"), "AC" + new string('9', 32)), Signing.Valid, HttpStatusCode.Forbidden, []),
        new("recording callback over the webhook size limit", "/twilio/voice/recording?lang=en",
            () => WithAccount(RecordingForm("https://api.twilio.com/x"), AccountSid, new string('x', 80 * 1024)), Signing.Valid,
            HttpStatusCode.RequestEntityTooLarge, []),
        new("call without caller ID", "/twilio/voice", () => Call(from: null), Signing.Valid, HttpStatusCode.OK, ["911", "<Gather", "<Record"]),
        new("menu: 2 is Spanish", "/twilio/voice/language", () => Digits("2"), Signing.Valid, HttpStatusCode.OK,
            ["<Say language=\"es-US\">Después del tono", $"recordingStatusCallback=\"{PublicBaseUrl}/twilio/voice/recording?lang=es\""]),
        new("menu: 1 is English", "/twilio/voice/language", () => Digits("1"), Signing.Valid, HttpStatusCode.OK,
            ["<Say language=\"en-US\">After the beep", "recording?lang=en\""]),
        new("menu: an unknown key is English", "/twilio/voice/language", () => Digits("9"), Signing.Valid, HttpStatusCode.OK, ["recording?lang=en\""]),
        new("menu, wrong signature", "/twilio/voice/language", () => Digits("2"), Signing.Wrong, HttpStatusCode.Forbidden, []),
        new("call to the district number: the school menu follows the language menu", "/twilio/voice", () => Call(to: DemoDistrict.DistrictNumber),
            Signing.Valid, HttpStatusCode.OK,
        [
            "hang up and call 911", "</Gather>",
            $"<Gather action=\"{PublicBaseUrl}/twilio/voice/school?lang=en\" numDigits=\"1\" timeout=\"5\">", "Which school is it about?",
            "For Jefferson Elementary School, press 1.", "For Lincoln High School, press 2.", "For Roosevelt Middle School, press 3.",
            "If you are not sure, stay on the line.", "</Gather>", "After the beep", "recording?lang=en\"",
        ]),
        new("district number, Spanish: the school menu in Spanish", "/twilio/voice/language", () => Digits("2", DemoDistrict.DistrictNumber),
            Signing.Valid, HttpStatusCode.OK,
            ["<Gather action=\"" + PublicBaseUrl + "/twilio/voice/school?lang=es\"", "¿De qué escuela se trata?", "Para Roosevelt Middle School, oprima 3.",
                "</Gather>", "Después del tono"]),
        new("school menu: 3 is Roosevelt Middle School", "/twilio/voice/school?lang=es", () => Digits("3", DemoDistrict.DistrictNumber),
            Signing.Valid, HttpStatusCode.OK,
            ["Después del tono", $"recordingStatusCallback=\"{PublicBaseUrl}/twilio/voice/recording?lang=es&amp;school={DemoDistrict.RooseveltMiddle:N}\""]),
        new("school menu: a key not listed records for the district", "/twilio/voice/school?lang=en", () => Digits("8", DemoDistrict.DistrictNumber),
            Signing.Valid, HttpStatusCode.OK, ["After the beep", "recording?lang=en\""]),
        new("school menu, wrong signature", "/twilio/voice/school?lang=en", () => Digits("3", DemoDistrict.DistrictNumber), Signing.Wrong,
            HttpStatusCode.Forbidden, []),
        new("recorded: thanks and hang up", "/twilio/voice/recorded?lang=es", () => Digits(""), Signing.Valid, HttpStatusCode.OK,
            ["Gracias", "<Hangup />"]),
        new("recording callback, wrong signature", "/twilio/voice/recording?lang=en", () => RecordingForm("https://api.twilio.com/x"),
            Signing.Wrong, HttpStatusCode.Forbidden, []),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Voice_webhook(VoiceCase c)
    {
        var (status, body) = await PostWebhookAsync(c.Path, c.Form(), c.Signing);

        Assert.Equal(c.Status, status);
        var at = 0;
        foreach (var expected in c.InOrder)
        {
            var found = body.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' missing or out of order in {body}");
            at = found + expected.Length;
        }
        Assert.Equal(0L, await CountAsync("intake.voicemail_pending"));
        Assert.DoesNotContain("5557770000", App.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("5557770000", await App.Database.EverythingStoredAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voicemail_reaches_the_school_team_transcribed_with_a_disguised_recording_and_no_caller_ID()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/voice", Call())).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/voice/language", Digits("1"))).Status);
        var callback = RecordingForm(Twilio.BaseUrl.ToString().TrimEnd('/') + RecordingPath);
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=en", callback)).Status);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(120));
        Assert.Equal("voice", queued.Channel);
        Assert.Equal("Lincoln High School", queued.SchoolName);
        var detail = await staff.CaseAsync(queued.CaseId);
        Assert.False(string.IsNullOrWhiteSpace(detail.Original.WhatHappened));
        Assert.NotEqual(VoicemailProcessor.NoTranscript, detail.Original.WhatHappened);
        Assert.Equal("en", detail.ReporterLanguage);
        Assert.Equal(TipReadability.Read, detail.Readability);
        var attachment = Assert.Single(detail.AttachmentIds);

        using var played = await staff.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.StartsWith("audio/", played.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var disguised = await played.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(disguised);
        Assert.False(disguised.AsSpan().SequenceEqual(recording.Value), "the team must get the disguised copy, not the original");
        var page = await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}");
        Assert.Contains($"<audio controls preload=\"none\" src=\"/staff/cases/{queued.CaseId}/attachments/{attachment}\">", page, StringComparison.Ordinal);

        using (var otherTeam = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test"))
        using (var refused = await otherTeam.Http.GetAsync($"/staff/cases/{queued.CaseId}/attachments/{attachment}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(2L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'attachment.view'"));

        // Twilio retries the callback: nothing new is queued (the webhook commits before it answers), so nothing is downloaded
        // or accepted again.
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=en", callback)).Status);
        Assert.Equal(0L, await CountAsync("intake.voicemail_pending"));
        Assert.Equal(1L, await CountAsync("intake.reports"));
        Assert.Equal(1, downloads);
        // Twilio's copy of the caller's voice goes once ours is committed, exactly once.
        await Eventually.GetAsync(async () => await CountAsync("intake.twilio_copy_deletions") == 0 ? "" : null, what: "Twilio's recording deleted");
        Assert.Equal([$"DELETE {RecordingPath}.json"], Twilio.CopyDeletions);
        Assert.Single(await staff.QueueAsync());

        var teamView = (await staff.GetCaseAsync(queued.CaseId)).Body + page;
        var stored = await App.Database.EverythingStoredAsync();
        foreach (var text in new[] { teamView, App.Logs.All, App.PublishedMessages, stored })
        {
            Assert.DoesNotContain("5557770000", text, StringComparison.Ordinal);
        }
        Assert.Equal(1L, await CountAsync("intake.sealed_contacts"));
    }

    [Theory]
    [InlineData("&school=5c3d2a1e000040008000000000000002", "north.psych@demo.tipline.test", "Roosevelt Middle School")]
    [InlineData("", "district.safety@demo.tipline.test", "Another school, or not sure")]
    public async Task A_district_number_voicemail_goes_to_the_school_chosen_on_the_keypad_or_else_to_the_district(string query, string staffEmail,
        string school)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/voice", Call(to: DemoDistrict.DistrictNumber))).Status);
        var callback = RecordingForm(Twilio.BaseUrl.ToString().TrimEnd('/') + RecordingPath, DemoDistrict.DistrictNumber);
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=en" + query, callback)).Status);

        using var staff = await StaffClient.SignInAsync(App, staffEmail);
        var queued = await staff.WaitForCaseAsync(within: TimeSpan.FromSeconds(120));
        Assert.Equal(school, queued.SchoolName);
        Assert.Equal("voice", queued.Channel);
        // The district team is told the caller named no school, as for a text or a mail.
        Assert.Equal(query.Length == 0, (await staff.CaseAsync(queued.CaseId)).Original.WhatHappened
            .StartsWith("(The reporter did not name a school.)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a recording Twilio no longer has (404, retried)", "/2010-04-01/Accounts/" + AccountSid + "/Recordings/RE00000000000000000000000000000000", 2,
        "HttpRequestException")]
    [InlineData("a recording URL off Twilio's API host", "https://recordings.example.com/RE1", 0, "ArgumentException")]
    public async Task A_voicemail_whose_audio_cannot_be_fetched_still_reaches_the_team(string name, string url, int downloadsOfMissing, string error)
    {
        Assert.NotEmpty(name);
        var absolute = url.StartsWith('/') ? Twilio.BaseUrl.ToString().TrimEnd('/') + url : url;
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=es", RecordingForm(absolute))).Status);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        var detail = await staff.CaseAsync(queued.CaseId);
        Assert.Equal("voice", detail.Channel);
        Assert.Equal("es", detail.ReporterLanguage);
        Assert.Equal(VoicemailProcessor.NoTranscript, detail.Original.WhatHappened);
        // Nobody can know what it says: a person must listen within the High escalation time.
        Assert.Equal((TipReadability.NotTranscribed, SuggestedUrgency.High), (detail.Readability, detail.SuggestedUrgency));
        Assert.Empty(detail.AttachmentIds);
        Assert.Equal(0L, await CountAsync("intake.voicemails"));
        Assert.Equal(downloadsOfMissing, missingDownloads);
        Assert.DoesNotContain("5557770000", App.Logs.All, StringComparison.Ordinal);

        // The recording is parked as given up, and district administrators see it by kind and error type only.
        Assert.Equal(1L, await CountAsync("intake.voicemail_pending WHERE \"DeadAt\" IS NOT NULL"));
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var health = await Eventually.GetAsync(async () =>
            await admin.Http.GetFromJsonAsync<HealthResponse>("/api/admin/health", StaffClient.Json) is { DeadWork.Count: > 0 } h ? h : null,
            what: "the given-up recording on the health figures");
        var dead = Assert.Single(health.DeadWork);
        Assert.Equal(("intake", "Voicemail", 1, error), (dead.Module, dead.Kind, dead.Count, dead.Error));
        var page = await admin.Http.GetStringAsync("/staff");
        Assert.Contains($"intake / Voicemail: 1 ({error})", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FullAttestation, true)]
    [InlineData("TN-Validation-Passed-B", false)]
    [InlineData("TN-Validation-Failed-A", false)]
    [InlineData(null, false)]
    public async Task A_caller_ID_threads_later_texts_into_the_voicemail_only_with_full_attestation(string? verstat, bool attested)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/voice", Call(verstat: verstat))).Status);
        // A recording that cannot be fetched: the voicemail is a tip at once, without audio.
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/voice/recording?lang=en", RecordingForm("https://recordings.example.com/RE1"))).Status);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var voicemail = (await staff.WaitForCaseAsync()).CaseId;
        Assert.Equal<bool?>(attested, (await staff.CaseAsync(voicemail)).SenderVerified);
        Assert.Equal(attested ? 1L : 0L, await CountAsync("intake.sealed_contacts"));

        // Someone texts from the caller ID: into the voicemail's case only when the carrier vouched for the caller.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms(Caller, DemoDistrict.LincolnHighNumber, "did you get my voicemail?"))).Status);
        if (attested)
        {
            await Eventually.GetAsync(async () => (await staff.CaseAsync(voicemail)).Conversation.FirstOrDefault(m => m.FromReporter), what: "the text on the voicemail's case");
            Assert.Single(await staff.QueueAsync());
            // The caller who can be texted gets a receipt by text, from the number they called, to go on at the web.
            var receipt = await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.FirstOrDefault(r => r.Form.GetValueOrDefault("To") == Caller)),
                what: "the receipt texted to the caller");
            Assert.Equal(DemoDistrict.LincolnHighNumber, receipt.Form["From"]);
            Assert.Matches($"open {TipLineApp.FollowupUrl} and enter code [0-9A-Z]{{4}}-[0-9A-Z]{{4}}-[0-9A-Z]{{4}} and passphrase ", receipt.Form["Body"]);
            Assert.Equal(PublicBaseUrl + "/twilio/sms/status?receipt=true", receipt.Form["StatusCallback"]);
        }
        else
        {
            await staff.WaitForCaseAsync(c => c.CaseId != voicemail);
            Assert.DoesNotContain((await staff.CaseAsync(voicemail)).Conversation, m => m.FromReporter);
            Assert.DoesNotContain(Twilio.Requests, r => r.Form.GetValueOrDefault("To") == Caller); // no receipt to a number nobody vouched for
        }
    }

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Work:Voicemail:PollInterval"] = "00:00:00.200",
        ["Work:Voicemail:RetryBaseDelay"] = "00:00:00.200",
        ["Work:Voicemail:MaxAttempts"] = "2",
        ["SafetyNet:SweepInterval"] = "00:00:00.500",
    };

    protected override void TwilioRoutes(WebApplication api) =>
        api.MapGet("/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}", (string recordingSid) =>
        {
            if (recordingSid != RecordingSid)
            {
                Interlocked.Increment(ref missingDownloads);
                return Results.NotFound();
            }
            Interlocked.Increment(ref downloads);
            return Results.Bytes(recording.Value, "audio/x-wav");
        });

    /// <summary>The voice webhook of a call; by default its caller ID carries full SHAKEN/STIR attestation.</summary>
    private static Dictionary<string, string> Call(string? from = Caller, string to = DemoDistrict.LincolnHighNumber, string? verstat = FullAttestation)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = CallSid, ["AccountSid"] = AccountSid, ["To"] = to, ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
        };
        if (from is not null) form["From"] = from;
        if (verstat is not null) form["StirVerstat"] = verstat;
        return form;
    }

    private const string FullAttestation = "TN-Validation-Passed-A";

    private static Dictionary<string, string> WithAccount(Dictionary<string, string> form, string accountSid, string? padding = null)
    {
        form["AccountSid"] = accountSid;
        if (padding is not null) form["Padding"] = padding;
        return form;
    }

    private static Dictionary<string, string> Digits(string digits, string to = DemoDistrict.LincolnHighNumber) => new()
    {
        ["CallSid"] = CallSid, ["AccountSid"] = AccountSid, ["Digits"] = digits, ["From"] = Caller, ["To"] = to,
    };

    private static Dictionary<string, string> RecordingForm(string url, string to = DemoDistrict.LincolnHighNumber) => new()
    {
        ["AccountSid"] = AccountSid, ["CallSid"] = CallSid, ["RecordingSid"] = RecordingSid, ["RecordingUrl"] = url,
        ["RecordingStatus"] = "completed", ["RecordingDuration"] = "4", ["RecordingChannels"] = "1", ["RecordingSource"] = "RecordVerb",
        ["From"] = Caller, ["To"] = to,
    };

    /// <summary>A spoken tip, synthesized with espeak-ng as a WAV file.</summary>
    internal static byte[] Speak(string sentence)
    {
        var path = Path.Combine(Path.GetTempPath(), $"voicemail-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-w", path, sentence }) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
            process.WaitForExit(30_000);
            if (process.ExitCode != 0) throw new InvalidOperationException("espeak-ng failed: " + process.StandardError.ReadToEnd());
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
