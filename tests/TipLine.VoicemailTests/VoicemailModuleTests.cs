using Microsoft.Extensions.Options;
using TipLine.Voicemail;

namespace TipLine.VoicemailTests;

public sealed class VoicemailModuleTests
{
    [Fact]
    public void Without_settings_the_offline_transcriber_and_the_disguiser_are_registered()
    {
        using var services = new VoicemailServices(new Dictionary<string, string?>());

        Assert.IsType<PocketsphinxTranscriber>(services.Transcriber);
        Assert.NotNull(services.Disguiser);
        Assert.Equal(-400, services.Get<IOptions<VoicemailOptions>>().Value.DisguisePitchCents);
    }

    [Fact]
    public void Openai_selects_the_http_transcriber()
    {
        using var services = new VoicemailServices(new Dictionary<string, string?>
        {
            ["Voicemail:Transcriber"] = "OpenAI",
            ["Voicemail:OpenAi:BaseUrl"] = "http://127.0.0.1:8080",
        });

        Assert.IsType<OpenAiCompatibleTranscriber>(services.Transcriber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public void Openai_without_a_usable_base_url_is_refused_at_startup(string? baseUrl)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new VoicemailServices(new Dictionary<string, string?>
        {
            ["Voicemail:Transcriber"] = "openai",
            ["Voicemail:OpenAi:BaseUrl"] = baseUrl,
        }));

        Assert.Contains("Voicemail:OpenAi:BaseUrl", error.Message);
    }

    [Fact]
    public void An_unknown_transcriber_is_refused_at_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new VoicemailServices(new Dictionary<string, string?> { ["Voicemail:Transcriber"] = "vosk" }));

        Assert.Contains("'pocketsphinx' or 'openai'", error.Message);
    }

    [Fact]
    public void A_disguise_that_barely_changes_the_voice_fails_validation()
    {
        using var services = new VoicemailServices(new Dictionary<string, string?> { ["Voicemail:DisguisePitchCents"] = "-100" });

        Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<VoicemailOptions>>().Value);
    }
}
