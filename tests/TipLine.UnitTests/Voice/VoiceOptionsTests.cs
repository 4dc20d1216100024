using System.ComponentModel.DataAnnotations;
using TipLine.Contracts;
using TipLine.Intake.Channels.Voice;
using Xunit;

namespace TipLine.UnitTests.Voice;

public sealed class VoiceOptionsTests
{
    [Fact]
    public void The_default_menu_is_english_then_spanish() => Assert.Equal(["en", "es"], new VoiceOptions().Menu);

    [Fact]
    public void Every_reporter_language_twilio_speaks_can_be_on_the_menu_and_the_two_it_does_not_are_refused_by_name()
    {
        var speakable = LanguageCodes.Reporter.Except(["ht", "so"]);
        Assert.Empty(Errors(new VoiceOptions { MenuLanguages = string.Join(",", speakable.Take(9)) }));
        Assert.Equal(["ht", "so"], LanguageCodes.Reporter.Where(c => VoiceLanguages.Of(c) is null));

        var error = Assert.Single(Errors(new VoiceOptions { MenuLanguages = "en,ht" }));
        Assert.StartsWith("Voice:MenuLanguages has 'ht', which Twilio has no voice for", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Voice:MenuLanguages must list one to nine languages (one key each).")]
    [InlineData("en,es,vi,zh-Hans,ar,pt,ru,tl,ko,fr", "Voice:MenuLanguages must list one to nine languages (one key each).")]
    [InlineData("en,es,en", "Voice:MenuLanguages lists a language twice.")]
    public void A_menu_a_caller_could_not_use_is_refused_at_start(string menu, string error) =>
        Assert.Contains(error, Errors(new VoiceOptions { MenuLanguages = menu }));

    private static List<string> Errors(VoiceOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}
