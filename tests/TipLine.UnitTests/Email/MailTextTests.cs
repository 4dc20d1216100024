using TipLine.Intake.Channels.Email;
using Xunit;

namespace TipLine.UnitTests.Email;

public sealed class MailTextTests
{
    private const string Address = "maria.gonzalez@example.test";

    [Theory]
    [InlineData("He has a knife.\n\nOn Tue, 3 Mar 2026 at 10:00, Tips <tips@school.test> wrote:\n> What happened?")]
    [InlineData("He has a knife.\n\nOn Tue, 3 Mar 2026 at 10:00, Lincoln High Tips\n<tips@school.test> wrote:\n> What happened?")]
    [InlineData("He has a knife.\n\nEl mar, 3 mar 2026 a las 10:00, Tips (<tips@school.test>) escribió:\n> ¿Qué pasó?")]
    [InlineData("He has a knife.\n\n-----Original Message-----\nFrom: Tips\nSent: Tuesday\nWhat happened?")]
    [InlineData("He has a knife.\n\n________________________________\nFrom: Tips <tips@school.test>\nSent: Tuesday, March 3\nTo: me")]
    [InlineData("He has a knife.\n\nFrom: Tips <tips@school.test>\nDate: Tuesday, March 3\nSubject: Re: tip\n\nWhat happened?")]
    [InlineData("He has a knife.\n> What happened?\n> Tell us more")]
    [InlineData("He has a knife.\n\n-- \nMaria G.\nGrade 10, room 12")]
    [InlineData("He has a knife.\n\nSent from my iPhone")]
    public void Quoted_mail_signatures_and_client_footers_are_cut(string body)
    {
        Assert.Equal("He has a knife.", MailText.Clean(body, "Maria Gonzalez", Address));
    }

    [Fact]
    public void The_sender_s_own_names_are_blanked_but_other_words_stay()
    {
        var cleaned = MailText.Clean("Hi, I'm Maria. My friend said Gonzalez-Smith is not safe. maria.gonzalez here.", "Maria Gonzalez", Address);

        Assert.DoesNotContain("Maria", cleaned, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Gonzalez", cleaned, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("My friend said", cleaned, StringComparison.Ordinal);
        Assert.Contains(MailText.NamePlaceholder, cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_also_a_word_stays_where_it_is_the_word()
    {
        var cleaned = MailText.Clean("Will Parker says he will bring a gun. Ask WILL.", "Will Parker", "wparker@example.test");

        Assert.Equal("[name] [name] says he will bring a gun. Ask [name].", cleaned);
    }

    [Fact]
    public void A_name_inside_a_longer_word_is_left_alone()
    {
        Assert.Equal("Ann-Marie and Annabel are fine", MailText.Clean("Ann-Marie and Annabel are fine", "Ann", "ann@example.test")
            .Replace(MailText.NamePlaceholder + "-Marie", "Ann-Marie", StringComparison.Ordinal));
        Assert.Contains("Annabel", MailText.Clean("Annabel is fine", "Ann", "ann@example.test"), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_becomes_text_without_scripts_styles_quotes_or_signatures()
    {
        const string html = """
            <html><head><title>t</title><style>p { color: red }</style><script>steal()</script></head><body>
            <p>Someone&nbsp;has a <b>gun</b> &amp; said<br>tomorrow.</p>
            <div class="gmail_signature">Maria, grade 10</div>
            <blockquote type="cite">older mail</blockquote>
            <div id="divRplyFwdMsg">From: Tips</div>
            <img src="https://tracker.example/pixel.gif" alt="pixel">
            </body></html>
            """;

        var text = MailText.Clean(MailText.FromHtml(html), null, "reporter77@example.test");

        Assert.Equal("Someone has a gun & said\ntomorrow.", text);
    }
}
