using TipLine.Languages;

namespace TipLine.UnitTests.Languages;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector AllTwelve = new(new LanguageOptions().Codes);

    [Theory]
    [InlineData("he has a gun", "en")]
    [InlineData("1 hs noi se mang sung toi truong ngay mai", "vi")]
    [InlineData("li gen yon zam nan sak li", "ht")]
    [InlineData("Arday ayaa sheegay inuu berri qori keeni doono dugsiga", "so")]
    [InlineData("sabi niya mamamaril siya sa school bukas", "tl")]
    [InlineData("一个学生说他明天要带枪来学校", "zh-Hans")]
    [InlineData("طالب يقول إنه سيحضر مسدسا", "ar")]
    public void Short_informal_texts_are_placed_in_the_district_languages(string text, string language) =>
        Assert.Equal(language, AllTwelve.Detect(text).Code);

    [Fact]
    public void The_models_are_found_next_to_the_binary() => Assert.True(AllTwelve.WarmUp());

    [Fact]
    public void Only_the_district_languages_plus_english_and_spanish_are_answered()
    {
        var englishAndVietnamese = new LanguageDetector(["vi"]);

        Assert.Equal(["en", "es", "vi"], englishAndVietnamese.Languages.Order());
        Assert.NotEqual("so", englishAndVietnamese.Detect("Arday ayaa sheegay inuu berri qori keeni doono dugsiga").Code);
        Assert.NotEqual("ht", englishAndVietnamese.Detect("li gen yon zam nan sak li").Code);
        Assert.Equal(LanguageGuess.UndeterminedCode, englishAndVietnamese.Detect("한 학생이 내일 학교에 총을 가져온대요").Code);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("LHS rm 204")]
    [InlineData("Maria Lopez")]
    [InlineData("k")]
    public void A_name_or_a_word_every_language_uses_is_not_given_a_language(string text) =>
        Assert.Equal(LanguageGuess.UndeterminedCode, AllTwelve.Detect(text).Code);

    [Fact]
    public void A_district_answers_in_its_own_spelling_of_a_language()
    {
        var detector = new LanguageDetector(["zh-Hant", "pt-BR", "pt"]);

        Assert.Equal("zh-Hant", detector.Detect("一個學生說他明天要帶槍來學校").Code);
        Assert.StartsWith("pt", detector.Detect("minha amiga disse que quer se matar").Code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😭😭 12345 !!!")]
    [InlineData(null)]
    public void Text_without_letters_is_unknown(string? text) => Assert.False(AllTwelve.Detect(text).IsKnown);

    [Fact]
    public void Detect_or_answers_the_fallback_only_when_the_language_is_unknown()
    {
        Assert.Equal("es", AllTwelve.DetectOr("hay un nino con una pistola", "en"));
        Assert.Equal("en", AllTwelve.DetectOr("😭😭", "en"));
        Assert.Equal("vi", AllTwelve.DetectOr(null, "vi"));
    }

    [Theory]
    [InlineData("en,es,xx", "xx")]
    [InlineData("en,klingon", "klingon")]
    [InlineData("en,mr", "mr")]
    public void A_language_nobody_can_detect_fails_the_start_with_its_code(string detect, string named)
    {
        var errors = new LanguageOptions { Detect = detect }.Validate(new(new object())).ToList();

        Assert.Contains(named, Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void The_default_options_are_valid_and_always_include_english_and_spanish()
    {
        Assert.Empty(new LanguageOptions().Validate(new(new object())));
        Assert.Equal(["en", "es", "vi"], new LanguageOptions { Detect = "vi" }.Codes.Order());
    }
}
