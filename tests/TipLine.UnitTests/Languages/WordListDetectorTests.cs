using System.Text;
using TipLine.Languages;

namespace TipLine.UnitTests.Languages;

public class WordListDetectorTests
{
    [Theory]
    [InlineData("theres a kid w a gun at lunch")]
    [InlineData("I would like to report that a student in my son's class has been threatening other students.")]
    [InlineData("There is a fight planned after school behind the gym on Friday.")]
    [InlineData("someone wrote a hit list on the bathroom wall in the 200 hallway")]
    [InlineData("Jake said hes bringing his dads gun friday dont tell anyone i told")]
    [InlineData("ppl r selling vapes in the boys locker room every morning")]
    [InlineData("idk if this matters but he posted a video with a knife and said watch out")]
    [InlineData("pls help my sister says she doesnt want to live anymore")]
    [InlineData("HE HAS A GUN IN HIS BACKPACK")]
    [InlineData("omg ppl r gonna fight 2morrow after skool")]
    [InlineData("can u tell someone bc shes not ok")]
    [InlineData("My son is being bullied on the bus every day.")]
    [InlineData("sent from my iphone: kid w knife rm 204")]
    public void English_tips_are_English(string text)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal("en", guess.Code);
        Assert.True(guess.Confidence >= 0.5, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("hay un niño con una pistola en el recreo")]
    [InlineData("Buenos días, quiero reportar que mi hijo recibe amenazas por Instagram de otro estudiante.")]
    [InlineData("¿Alguien puede ayudar? Mi amiga dice que se quiere hacer daño.")]
    [InlineData("Mi hijo tiene miedo de ir a la escuela porque lo amenazan.")]
    [InlineData("PISTOLA EN EL BAÑO")]
    [InlineData("jajaja no manches el profe se enojo y le pego a un chavo")]
    public void Spanish_tips_are_Spanish(string text)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal("es", guess.Code);
        Assert.True(guess.Confidence >= 0.5, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("hay un nino con una pistola en el recreo")]
    [InlineData("el nino de la senora esta triste todos los dias")]
    [InlineData("manana va a haber una pelea afuera de la escuela a la salida")]
    [InlineData("no se si esto es importante pero vi a un chico con drogas en el bano")]
    [InlineData("ella esta muy triste y dijo que ya no aguanta mas")]
    [InlineData("oye q onda, hay un morro que dice que va a traer un arma el lunes")]
    [InlineData("k onda wey ya supiste q van a traer armas")]
    [InlineData("lo estan molestando porque es nuevo y no habla ingles")]
    [InlineData("Hay unos muchachos que le pegan a mi hermano todos los dias en el camion")]
    public void Spanish_typed_without_accents_is_Spanish(string text)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal("es", guess.Code);
        Assert.True(guess.Confidence >= 0.4, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("my friend me dijo que a guy in her class has a gun and he showed people at lunch", "en")]
    [InlineData("el kid de mi clase tiene drogas en su locker y las vende en el recreo", "es")]
    [InlineData("there's this chavo who keeps saying he will bring a knife to school", "en")]
    [InlineData("mi amiga says que la estan bullying en el bus y nadie hace nada", "es")]
    public void Mixed_English_and_Spanish_goes_to_the_language_with_more_words(string text, string expected)
    {
        Assert.Equal(expected, WordListDetector.Detect(text).Code);
    }

    [Theory]
    [InlineData("Có một bạn mang súng đến trường")]
    [InlineData("Bạn ấy nói sẽ mang dao đến trường ngày mai")]
    [InlineData("có người đánh em tôi ở nhà vệ sinh")]
    [InlineData("Tôi sợ quá")]
    public void Vietnamese_with_its_diacritics_is_Vietnamese(string text)
    {
        Assert.Equal("vi", WordListDetector.Detect(text).Code);
    }

    [Theory]
    [InlineData("co nguoi mang sung vao truong")]
    [InlineData("ban oi co thang lop 8 noi la se giet nguoi")]
    [InlineData("em bi ban trong lop bat nat moi ngay")]
    [InlineData("tui ko muon di hoc nua")]
    public void Vietnamese_typed_without_diacritics_is_Vietnamese_from_its_words(string text)
    {
        Assert.Equal("vi", WordListDetector.Detect(text).Code);
    }

    [Theory]
    [InlineData("我们班有个男生说明天要带刀来学校", "zh-Hans")]
    [InlineData("有人在厕所里欺负我朋友", "zh-Hans")]
    [InlineData("طالب في صفي قال إنه سيحضر سكين غدا", "ar")]
    [InlineData("صديقتي تقول إنها تريد أن تؤذي نفسها", "ar")]
    [InlineData("شنو چذي الولد معاه سكين في المدرسة", "ar")]
    [InlineData("یک پسر در کلاس ما گفت فردا چاقو می‌آورد", "fa")]
    [InlineData("میرے کلاس میں ایک لڑکا بندوق لے کر آیا ہے", "ur")]
    [InlineData("один ученик принёс нож в школу", "ru")]
    [InlineData("Допоможіть, у школі хлопець з ножем", "uk")]
    [InlineData("우리 반에 칼을 가지고 온 애가 있어요", "ko")]
    [InlineData("クラスの男子がナイフを持ってきた", "ja")]
    [InlineData("יש ילד עם סכין בבית הספר", "he")]
    [InlineData("มีคนเอามีดมาโรงเรียน", "th")]
    public void The_script_names_the_language(string text, string expected)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal(expected, guess.Code);
        Assert.True(guess.Confidence >= 0.8, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("um menino da minha sala disse que vai trazer uma arma amanhã", "pt")]
    [InlineData("meu amigo ta com medo de ir pra escola", "pt")]
    [InlineData("a professora gritou com os alunos e ameaçou bater", "pt")]
    [InlineData("il y a un élève qui a un couteau dans son sac", "fr")]
    [InlineData("ma copine a peur parce que quelqu'un la menace sur snap", "fr")]
    public void Portuguese_and_French_are_told_from_Spanish(string text, string expected)
    {
        Assert.Equal(expected, WordListDetector.Detect(text).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("OK!!")]
    [InlineData("no")]
    [InlineData("si")]
    [InlineData("lol")]
    [InlineData("911")]
    [InlineData("12/03 3pm rm 204")]
    [InlineData("😭😭😭")]
    [InlineData("🔫🔫 😡")]
    [InlineData("???")]
    [InlineData("¿¡!?")]
    [InlineData("Ms. Ramirez")]
    [InlineData("José Peña")]
    [InlineData("@lincoln_high")]
    [InlineData("ا")]
    public void Text_that_says_nothing_about_its_language_is_unknown(string? text)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal(LanguageGuess.Unknown, guess);
        Assert.Equal("und", guess.Code);
        Assert.False(guess.IsKnown);
    }

    [Theory]
    [InlineData("help", "en")]
    [InlineData("ayuda", "es")]
    [InlineData("枪", "zh-Hans")]
    public void A_single_telling_word_is_enough_but_with_low_confidence(string text, string expected)
    {
        var guess = WordListDetector.Detect(text);

        Assert.Equal(expected, guess.Code);
        Assert.True(guess.Confidence is > 0 and <= 0.5, $"confidence {guess.Confidence}");
    }

    [Fact]
    public void Confidence_grows_with_the_evidence()
    {
        var word = WordListDetector.Detect("navaja").Confidence;
        var phrase = WordListDetector.Detect("tiene una navaja").Confidence;
        var sentence = WordListDetector.Detect("el chico de mi clase dijo que tiene una navaja en la mochila").Confidence;

        Assert.True(word < phrase && phrase < sentence, $"{word} {phrase} {sentence}");
    }

    [Fact]
    public void A_close_mix_is_less_sure_than_one_language()
    {
        var mixed = WordListDetector.Detect("my friend dijo que the kid tiene un gun");
        var english = WordListDetector.Detect("my friend said that the kid has a gun");

        Assert.True(mixed.Confidence < english.Confidence / 2, $"{mixed.Confidence} {english.Confidence}");
    }

    [Fact]
    public void A_Vietnamese_name_in_an_English_tip_leaves_it_English()
    {
        Assert.Equal("en", WordListDetector.Detect("Nguyễn Văn An has a gun in his bag").Code);
    }

    [Fact]
    public void Accents_typed_as_combining_marks_count_like_composed_letters()
    {
        var composed = "Có một bạn mang súng đến trường";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.Equal(WordListDetector.Detect(composed), WordListDetector.Detect(decomposed));
    }

    [Fact]
    public void Addresses_and_handles_are_not_words_of_the_tip()
    {
        Assert.False(WordListDetector.Detect("www.escuela.edu/nino sam@colegio.com @la_escuela_de_el_nino").IsKnown);
        Assert.Equal("en", WordListDetector.Detect("el chavo posts at instagram.com/el_nino_de_la_escuela he has a knife").Code);
    }

    [Fact]
    public void Only_the_beginning_of_a_long_text_is_read()
    {
        var text = string.Concat(Enumerable.Repeat("he has a gun ", WordListDetector.MaxLength / 13 + 1))
                   + string.Concat(Enumerable.Repeat("el chico tiene una pistola ", 500));

        Assert.Equal("en", WordListDetector.Detect(text).Code);
    }

    [Fact]
    public void The_default_guess_is_unknown()
    {
        Assert.Equal("und", default(LanguageGuess).Code);
        Assert.False(default(LanguageGuess).IsKnown);
        Assert.Equal(LanguageGuess.Unknown, default);
    }
}
