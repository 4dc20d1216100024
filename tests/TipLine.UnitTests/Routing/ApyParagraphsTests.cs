using TipLine.Routing.Translation.Engines;
using Xunit;

namespace TipLine.UnitTests.Routing;

public sealed class ApyParagraphsTests
{
    [Fact]
    public void Texts_go_as_one_document_and_come_back_apart_in_order()
    {
        string[] texts = ["Un chico dijo que va a traer un arma.\n\nOtra línea.", "Un chico de noveno grado", "En la cafetería"];

        var document = ApyParagraphs.Join(texts);

        Assert.Equal("<div>Un chico dijo que va a traer un arma.\n\nOtra línea.</div><div>Un chico de noveno grado</div><div>En la cafetería</div>", document);
        Assert.Equal(texts, ApyParagraphs.Split(document, 3));
    }

    [Fact]
    public void What_the_reporter_types_is_never_read_as_markup()
    {
        string[] texts = ["He wrote </div><div> & <b>bold</b> &amp; on the wall", "x < y > z"];

        var document = ApyParagraphs.Join(texts);

        Assert.Equal(2, document.Split("<div>").Length - 1);
        Assert.DoesNotContain("<b>", document, StringComparison.Ordinal);
        Assert.Equal(texts, ApyParagraphs.Split(document, 2));
    }

    [Theory]
    [InlineData("<div>A student</div>\n<div>A boy</div>", 2, true)] // whitespace between the parts
    [InlineData("  <div>A student</div><div>A boy</div>\n", 2, true)]
    [InlineData("<div>A student</div><div>A boy</div>", 3, false)] // a part went missing
    [InlineData("<div>A student A boy</div>", 2, false)] // parts merged
    [InlineData("A student</div><div>A boy", 2, false)] // wrapping lost
    [InlineData("<div>A <div>student</div><div>A boy</div>", 2, false)]
    [InlineData("", 1, false)]
    public void An_answer_that_lost_its_structure_is_refused_rather_than_guessed(string answer, int count, bool kept) =>
        Assert.Equal(kept, ApyParagraphs.Split(answer, count) is not null);

    [Fact]
    public void Entities_in_the_answer_become_characters_again() =>
        Assert.Equal(["A knife &lt;today&gt; & tomorrow <b>"], ApyParagraphs.Split("<div>A knife &amp;lt;today&amp;gt; &amp; tomorrow &lt;b&gt;</div>", 1));
}
