using System.ComponentModel.DataAnnotations;
using TipLine.Routing.Translation;
using Xunit;

namespace TipLine.UnitTests.Routing;

public sealed class TranslationOptionsTests
{
    [Theory]
    [InlineData("vi-en", "vi", "en")]
    [InlineData("zh-Hans-en", "zh-Hans", "en")]
    [InlineData("en-zh-Hans", "en", "zh-Hans")]
    [InlineData("HT-EN", "ht", "en")]
    public void A_pair_key_splits_where_the_known_codes_say(string key, string from, string to) =>
        Assert.Equal((from, to), TranslationOptions.ParsePair(key));

    [Theory]
    [InlineData("vi")]
    [InlineData("vi-xx")]
    [InlineData("zh-en")]
    [InlineData("vi-en-fr")]
    public void A_key_that_is_not_a_pair_of_known_codes_is_refused(string key) => Assert.Null(TranslationOptions.ParsePair(key));

    [Fact]
    public void With_no_order_every_configured_engine_is_tried_local_ones_first()
    {
        var options = new TranslationOptions
        {
            ApyBaseUrl = "http://127.0.0.1:2737",
            Azure = { Endpoint = new Uri("https://api.cognitive.microsofttranslator.com/"), Key = "k" },
            LibreTranslate = { BaseUrl = new Uri("http://127.0.0.1:5000/") },
        };

        Assert.Empty(Errors(options));
        Assert.Equal(["apy", "libretranslate", "azure"], options.OrderFor("vi", "en"));
    }

    [Theory]
    [InlineData("apy,azure", "Translation:Order names 'azure', which is not configured.")]
    [InlineData("apy,google", "Translation:Order names 'google'; engines are apy, libretranslate, chat, azure.")]
    public void An_order_may_name_only_configured_engines(string order, string error) =>
        Assert.Contains(error, Errors(new TranslationOptions { ApyBaseUrl = "http://127.0.0.1:2737", Order = order }));

    [Fact]
    public void Each_engine_says_what_it_lacks()
    {
        var errors = Errors(new TranslationOptions
        {
            ChatCompletions = { BaseUrl = new Uri("http://127.0.0.1:8080/v1/"), Languages = "en" },
            Azure = { Endpoint = new Uri("http://translator.example/") },
            Pairs = { ["vi_en"] = "chat" },
        });

        Assert.Contains("Translation:ChatCompletions:Model is required with a BaseUrl.", errors);
        Assert.Contains("Translation:ChatCompletions:Languages must list at least two language codes (for example en,vi).", errors);
        Assert.Contains("Translation:Azure:Endpoint must be an https URL.", errors);
        Assert.Contains("Translation:Azure:Key is required with an Endpoint.", errors);
        Assert.Contains(errors, e => e.StartsWith("Translation:Pairs:vi_en is not a pair of language codes", StringComparison.Ordinal));
    }

    private static List<string> Errors(TranslationOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}
