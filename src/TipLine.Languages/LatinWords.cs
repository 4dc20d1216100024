using System.Collections.Frozen;
using System.Text;

namespace TipLine.Languages;

[Flags]
internal enum LatinLanguage : byte
{
    None = 0,
    English = 1,
    Spanish = 2,
    French = 4,
    Portuguese = 8,
    Vietnamese = 16,
}

/// <summary>
/// Frequent words of each Latin-script language we tell apart, as a teenager types them: lower case, no
/// accents ("esta", "nino", "manana"), with the usual texting short forms ("u", "rn", "q", "xq", "ko").
/// A word in several lists counts for each, so only the words one language owns tell languages apart.
/// Words every one of these languages shares ("a", "me", "no") are left out: they say nothing.
/// </summary>
internal static class LatinWords
{
    /// <summary>No listed word is longer; a longer word is not looked up.</summary>
    public const int MaxLength = 16;

    private const string English = """
        the an and or but if so as is are was were be been being am do does did has have had go like one
        to of in on at for with from by about into over after before than then also too very really just still
        up out down off back which other
        he she they them his her him their it its this that these those there here what who when where why how
        i im ive my mine you your youre we our us not dont didnt doesnt cant wont isnt wasnt aint
        will would can could should shes hes theyre thats whats theres whos ill
        said says say saying told tell telling going gonna wanna gotta got get gets bring bringing brought
        keeps keep want wants wanted know think saw seen see heard
        kid kids student students class classes school teacher teachers lunch recess bus bathroom hallway locker
        gun guns knife weapon fight fighting hit hitting hurt hurting kill shoot shooting threat threatened
        bully bullying bullied scared afraid worried help please
        today tomorrow tonight now yesterday morning every day week
        because cuz bc some someone somebody everyone anyone all people friend friends boy boys girl girls
        guy guys mom dad son brother sister home
        w u ur r rn idk tmrw pls plz ppl bro yall abt thru becuz alot thier 2day 2morrow 2nite b4 thx asap omg
        """;

    private const string Spanish = """
        el la los las un una unos unas uno y o ni pero aunque que de del al en con por para sin sobre
        entre hasta desde
        es son era fue fui ser soy sido habia da estar esta estan estaba estoy estas hay
        lo le les se su sus mi mis tu te nos yo ella ellos ellas usted
        este esto ese eso esa estos esos
        tiene tienen tengo tenia hace hizo dijo dice dicen quiere quieren puede pueden va voy vamos
        vio vi trae traer llevo lleva quiero otro otra otros
        si bien vez cada mismo menos dia dias muy mas como cuando donde quien porque
        nada nadie alguien algo todo todos todas mucho muchos
        siempre tambien ahora hoy manana ayer despues antes aqui ahi alli asi ya
        escuela colegio clase clases salon maestro maestra maestros profesor profesora profe
        companero companera companeros estudiante estudiantes alumno alumnos
        tres nino nina ninos ninas chico chica chicos chicas muchacho muchacha muchachos amigo amiga amigos
        hermano hermana hijo hija senor senora senorita
        bano banos recreo almuerzo pasillo sala autobus camion salida
        pistola arma armas cuchillo navaja pelea pelear golpe golpea golpeo pegan pego amenaza amenazas amenazo
        matar miedo ayuda ayudar drogas triste molesta molestan lastimar
        hola buenos buenas gracias favor porfa q ke xq pq porq tmb oye wey neta morro chavo
        """;

    private const string French = """
        le la les un une des du de en au aux et ou mais que qui se si on est sont ont fait dit va veut peut bien
        il ils elle elles je jai cest quil nous vous lui moi toi mon ma mes son sa ses leur ce cette ces
        pas ne dans avec pour sur tres aussi tout tous rien oui non quand comme parce
        ecole eleve eleves classe copain copine couteau pistolet arme frappe tuer peur
        demain aujourdhui maintenant hier garcon fille toilettes cantine quelquun
        """;

    private const string Portuguese = """
        o os as um uma uns umas e ou mas mais que se como de do da dos das ao em na nas
        com sem por pela para pra pro
        nao nem sim eu voce vc ele ela eles elas nos lhe meu minha nosso seu sua dele dela quem
        isso isto esse essa este esta
        tem tinha ter ser estava foi vai vou disse falou quer pode muito mesmo so depois dia
        tambem agora hoje amanha ontem
        escola aluno aluna alunos colega menino menina garoto garota arma faca briga bateu batendo
        ameacou medo ajuda banheiro recreio aula sala onibus ninguem alguem tudo quando onde porque entao
        aqui ja mae pai irmao irma trazer
        """;

    private const string Vietnamese = """
        co mot ban mang sung den truong khong ko nguoi cua toi tui duoc dc nhung trong voi thi cac
        nhieu biet muon noi nhin thang dua bi hoc sinh hs lop thay giao gv vien em anh chi minh chung
        lam roi nua nay ngay hom mai qua gio phai dao giet danh giup nha chieu khi dung lai vao
        """;

    private static readonly FrozenDictionary<string, LatinLanguage> Words = Build();
    private static readonly FrozenDictionary<string, LatinLanguage>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower case without accents for Latin letters (đ → d, ư → u, ñ → n); '\0' for anything else.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    public static LatinLanguage LanguagesOf(ReadOnlySpan<char> foldedWord) =>
        Lookup.TryGetValue(foldedWord, out var languages) ? languages : LatinLanguage.None;

    /// <summary>The letter in lower case without its accent, or '\0' if it is not a Latin letter.</summary>
    public static char Fold(char c) =>
        c < 0x80 ? (char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : char.IsAsciiDigit(c) ? c : '\0')
        : c < FoldTable.Length ? FoldTable[c]
        : '\0';

    /// <summary>Letters only Vietnamese uses among our languages: ă đ ĩ ũ ơ ư and the tone-marked vowels (ạ ả ấ ... ỹ).</summary>
    public static bool IsVietnamese(char c) =>
        c is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ĩ' or 'Ĩ' or 'ũ' or 'Ũ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or (>= '\u1EA0' and <= '\u1EF9');

    /// <summary>"jaja", "jajaja", "jeje": how Spanish speakers laugh in writing.</summary>
    public static bool IsSpanishLaugh(ReadOnlySpan<char> foldedWord)
    {
        if (foldedWord.Length < 4 || foldedWord[0] != 'j') return false;
        var vowel = foldedWord[1];
        if (vowel is not ('a' or 'e' or 'i')) return false;
        for (var i = 0; i < foldedWord.Length; i++)
        {
            if (foldedWord[i] != (i % 2 == 0 ? 'j' : vowel)) return false;
        }
        return true;
    }

    private static FrozenDictionary<string, LatinLanguage> Build()
    {
        var words = new Dictionary<string, LatinLanguage>(StringComparer.Ordinal);
        Add(English, LatinLanguage.English);
        Add(Spanish, LatinLanguage.Spanish);
        Add(French, LatinLanguage.French);
        Add(Portuguese, LatinLanguage.Portuguese);
        Add(Vietnamese, LatinLanguage.Vietnamese);
        return words.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(string list, LatinLanguage language)
        {
            foreach (var word in list.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                words[word] = words.GetValueOrDefault(word) | language;
            }
        }
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var c = 0xC0; c < table.Length; c++)
        {
            if (Scripts.Of(c) != Script.Latin || !char.IsLetter((char)c)) continue;
            var bare = ((char)c).ToString().Normalize(NormalizationForm.FormD)[0];
            table[c] = char.IsAsciiLetter(bare) ? char.ToLowerInvariant(bare) : '\0';
        }
        // Letters that do not decompose into a base letter and a mark, each followed by its bare letter.
        const string undecomposed = "đdĐdøoØoæaÆaœoŒoßsłlŁl";
        for (var i = 0; i < undecomposed.Length; i += 2) table[undecomposed[i]] = undecomposed[i + 1];
        return table;
    }
}
