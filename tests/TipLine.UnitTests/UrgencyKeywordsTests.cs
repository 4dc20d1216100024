using TipLine.Intake.Localization;
using TipLine.Contracts;
using TipLine.Routing.Urgency;

namespace TipLine.UnitTests;

/// <summary>
/// Every reporter language's keyword file, through the suggester: a gun threat (the same sentence in each language) is
/// Imminent, a friend's suicide risk is High with self-harm, everyday school sentences stay Routine when read with every
/// language's list at once.
/// </summary>
public class UrgencyKeywordsTests
{
    /// <summary>The reporter languages TipLine supports (issue: the 12 most common home languages of English learners).</summary>
    public static readonly TheoryData<string> ReporterLanguages = new("en", "es", "vi", "zh-Hans", "ar", "ht", "pt", "ru", "so", "tl", "ko", "fr");

    public static readonly TheoryData<string, string> GunThreats = new()
    {
        { "en", "A student says he will bring a gun to school tomorrow and shoot everyone." },
        { "es", "Un estudiante dice que va a traer una pistola a la escuela mañana y disparar a todos." },
        { "es", "un estudiante dice q va a traer una pistola a la escuela manana y disparar a todos" },
        { "vi", "Một học sinh nói rằng cậu ấy sẽ mang súng đến trường vào ngày mai và bắn tất cả mọi người." },
        { "vi", "1 hs noi se mang sung toi truong ngay mai ban het moi nguoi" },
        { "zh-Hans", "一个学生说他明天要带枪来学校，向所有人开枪。" },
        { "zh-Hans", "一個學生說他明天要帶槍來學校，向所有人開槍。" },
        { "ar", "طالب يقول إنه سيحضر مسدساً إلى المدرسة غداً ويطلق النار على الجميع" },
        { "ht", "Yon elèv di li pral pote yon zam lekòl la demen epi li pral tire sou tout moun." },
        { "ht", "yon elev di li pral pote yon zam lekol la demen li pral tire sou tout moun" },
        { "pt", "Um aluno disse que vai trazer uma arma para a escola amanhã e atirar em todo mundo." },
        { "ru", "Ученик говорит, что завтра принесёт пистолет в школу и застрелит всех." },
        { "so", "Arday ayaa sheegay inuu berri qori keeni doono dugsiga oo uu toogan doono qof walba." },
        { "tl", "Sabi ng isang estudyante magdadala siya ng baril sa paaralan bukas at babarilin niya ang lahat." },
        { "ko", "한 학생이 내일 학교에 총을 가져와서 모두를 쏘겠다고 말했어요." },
        { "fr", "Un élève dit qu'il va apporter une arme à l'école demain et tirer sur tout le monde." },
        { "fr", "un eleve dit quil va apporter une arme a l’ecole demain et tirer sur tout le monde" },
    };

    public static readonly TheoryData<string, string> SelfHarm = new()
    {
        { "en", "My friend said she wants to kill herself." },
        { "es", "Mi amiga dice que quiere quitarse la vida." },
        { "vi", "Bạn tôi nói muốn tự tử." },
        { "vi", "ban toi noi muon tu sat" },
        { "ko", "친구가 죽고싶다고 했어요" },
        { "ar", "بدي انتحر" },
        { "tl", "magpapakamatay daw siya" },
        { "ru", "Он сказал, что покончу с собой." },
        { "zh-Hans", "我朋友说她想自杀。" },
        { "ar", "صديقتي تقول إنها تفكر في الانتحار" },
        { "ht", "Zanmi m di li vle touye tèt li." },
        { "pt", "Minha amiga disse que quer se matar." },
        { "ru", "Моя подруга говорит, что хочет покончить с собой." },
        { "so", "Saaxiibkay wuxuu sheegay inuu doonayo inuu isdilo." },
        { "tl", "Sabi ng kaibigan ko gusto niyang magpakamatay." },
        { "ko", "친구가 자살하고 싶다고 했어요." },
        { "fr", "Mon ami dit qu'il veut se suicider." },
    };

    /// <summary>Everyday sentences, several built on a word a list must not take alone (bạn, dạo, 무기력, قلم رصاص, bala, автомат).</summary>
    public static readonly TheoryData<string, string> Everyday = new()
    {
        { "en", "Can the library stay open later on Fridays? Now that would help." },
        { "es", "La máquina expendedora del segundo piso está rota. Dilo otra vez." },
        { "vi", "Bạn của tôi muốn đi dạo sau giờ học ở trường." },
        { "vi", "ban cua toi muon di dao sau gio hoc, bo sung them sach" },
        { "zh-Hans", "学校的自动售货机坏了，剪刀也不见了。" },
        { "ar", "أحتاج قلم رصاص للامتحان في المدرسة اليوم" },
        { "ht", "Machin nan nan dezyèm etaj la kase, nou te jwe bal jodi a." },
        { "pt", "Eu comprei uma bala na cantina hoje." },
        { "pt", "Comprei balas e chocolate na escola hoje." },
        { "ru", "Автомат на втором этаже сломан." },
        { "so", "Mashiinka cuntada ee dabaqa labaad waa jaban yahay." },
        { "tl", "Sira ang vending machine sa ikalawang palapag." },
        { "ko", "요즘 무기력해요. 학교에서 총회가 있어요." },
        { "fr", "Le distributeur du deuxième étage est en panne." },
        // Words a list must only take inside a phrase, because they have an everyday meaning somewhere.
        { "pt", "Bom dia, hoje tem reunião na escola." },
        { "en", "She is diligent and always on time at school." },
        { "so", "Wuxuu qori doonaa warqad berri." },
        { "tl", "Patayin mo ang ilaw, pinatay ko na ang aircon." },
        { "ko", "오늘 내가 쏜다! 죽이 맛있어요. 이 노래 죽인다." },
        { "zh-Hans", "体育课扔标枪，玩水枪，我想死你了，下课玩狼人杀。" },
        { "ar", "رأيت السلاحف في الحديقة وقت الغداء" },
        { "es", "Me corto el pelo mañana y se corta la luz hoy. Hay que revolver la sopa." },
        { "fr", "Je veux en finir avec mes devoirs, on mange des fusilli, ça coûte 20 balles." },
        { "pt", "Vou atirar a bola agora, tomei bomba na prova hoje." },
        { "ru", "Завтра надену бомбер в школу." },
        { "vi", "Đói muốn chết, nó đâm ra lười học ở trường." },
        { "es", "La fiesta de hoy estuvo bomba." },
    };

    [Theory]
    [MemberData(nameof(ReporterLanguages))]
    public void Every_reporter_language_has_a_keyword_file_with_every_category(string language)
    {
        var list = Assert.Single(UrgencyKeywords.All, l => l.Language == language);

        foreach (var category in KeywordList.Categories) Assert.True(list.HasCategory(category), $"{language}.txt has no [{category}]");
    }

    [Theory]
    [MemberData(nameof(GunThreats))]
    public void A_gun_threat_is_imminent_in_every_language(string language, string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.True(suggestion.Urgency == SuggestedUrgency.Imminent, $"{language}: {suggestion.Urgency} [{string.Join(", ", suggestion.Categories)}]");
        Assert.Contains("weapon", suggestion.Categories);
    }

    [Theory]
    [MemberData(nameof(SelfHarm))]
    public void Self_harm_is_high_in_every_language(string language, string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.True(suggestion.Urgency >= SuggestedUrgency.High, $"{language}: {suggestion.Urgency}");
        Assert.Contains("self-harm", suggestion.Categories);
    }

    [Theory]
    [MemberData(nameof(Everyday))]
    public void Everyday_sentences_stay_routine_with_every_list_at_once(string language, string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.True(suggestion.Urgency == SuggestedUrgency.Routine, $"{language}: {suggestion.Urgency} [{string.Join(", ", suggestion.Categories)}]");
        Assert.Empty(suggestion.Categories);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("gu*n")]
    public void An_entry_that_would_match_everything_or_nothing_is_refused(string entry) =>
        Assert.Throws<FormatException>(() => KeywordList.Parse("xx", $"match: words\nfold: none\n[weapon]\n{entry}\n"));

    [Fact]
    public void A_malformed_file_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => KeywordList.Parse("xx", "match: words\nfold: none\n[weapons]\ngun\n"));

        Assert.Contains("xx.txt, line 3", error.Message);
    }
}
