using TipLine.Contracts;
using TipLine.Teams.Cases;
using TipLine.Teams.Incidents;
using Xunit;

namespace TipLine.UnitTests.Incidents;

public sealed class TipSimilarityTests
{
    private const double GroupAt = 0.6, CopyAt = 0.9;
    private const string Threat = "A student says he will bring a gun to school tomorrow and shoot everyone";

    /// <summary>The right-hand texts are Apertium's translations of Spanish reports, as the team sees them.</summary>
    [Theory]
    [InlineData(Threat, "A student says that it will bring a gun to the school tomorrow and will shoot to all")]
    [InlineData(Threat, "A student says that it goes to bring a weapon to the school tomorrow and goes to shoot to all")]
    [InlineData("Someone has a gun in the cafeteria right now", "Somebody has a weapon in the café right now")]
    [InlineData("Bomb threat written on the bathroom wall in the 2nd floor", "There is a bomb threat on the wall of the bathroom of the second floor")]
    public void One_incident_told_in_other_words_or_through_a_translation_reads_alike(string a, string b) =>
        Assert.InRange(TipSimilarity.Between(a, b), GroupAt, CopyAt);

    [Theory]
    [InlineData(Threat, "There was a fight after school near the gym, two boys got hurt")]
    [InlineData(Threat, "my friend is cutting herself and says she wants to die")]
    [InlineData("Someone has a gun in the cafeteria right now", "A girl in 7th grade told me she wants to kill herself tonight")]
    [InlineData("Someone has a gun in the cafeteria right now", "Someone is selling vapes in the bathroom right now")]
    [InlineData("kid in 8th grade is bullying my son every day on the bus", "a student is selling drugs in the parking lot every day")]
    public void Different_incidents_do_not(string a, string b) => Assert.True(TipSimilarity.Between(a, b) < GroupAt);

    [Theory]
    [InlineData("Someone is in danger right now at the school", "someone is in danger RIGHT NOW at the school!!!")]
    [InlineData("There is a bomb in the cafeteria", "There's a bomb in the cafeteria!!!")]
    [InlineData("Él tiene un arma en la cafetería", "el tiene un arma en la cafeteria")]
    public void Copies_differing_in_case_accents_and_punctuation_are_copies(string a, string b) =>
        Assert.True(TipSimilarity.Between(a, b) >= CopyAt);

    [Fact]
    public void Empty_and_tiny_texts_are_only_alike_when_equal()
    {
        Assert.Equal(0, TipSimilarity.Between("", "gun"));
        Assert.Equal(1, TipSimilarity.Between("ok", "OK!"));
        Assert.Equal(0, TipSimilarity.Between("ok", "no"));
    }

    [Fact]
    public void The_translation_is_compared_when_there_is_one()
    {
        var original = new TipContent("Un estudiante va a traer un arma", null, "mañana");
        var translation = new TipContent("A student goes to bring a weapon", null, "tomorrow");
        Assert.Equal("A student goes to bring a weapon tomorrow", TipSimilarity.ReadableText(original, translation));
        Assert.Equal("Un estudiante va a traer un arma mañana", TipSimilarity.ReadableText(original, null));
    }
}

public sealed class QueueRowTests
{
    private static QueueItem Item(Guid id, Guid? incident, bool acknowledged = false, int minute = 0) => new(id, "Lincoln High School",
        SuggestedUrgency.High, [], false, "web", "R-1", "en", false, DateTimeOffset.UnixEpoch.AddMinutes(minute), acknowledged, false, incident);

    [Fact]
    public void An_incidents_tips_are_one_row_with_their_count_and_open_tips_and_lone_tips_stay_rows_of_their_own()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var rows = QueueRow.Group([Item(a, a), Item(b, null, minute: 1), Item(c, a, acknowledged: true, minute: 2), Item(d, a, minute: 3)]);

        Assert.Equal(2, rows.Count);
        Assert.Equal((a, 3, 2, true), (rows[0].First.CaseId, rows[0].Tips, rows[0].Open, rows[0].IsIncident));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(3), rows[0].Latest);
        Assert.Equal((b, 1, false), (rows[1].First.CaseId, rows[1].Tips, rows[1].IsIncident));
    }

    [Fact]
    public void The_first_tip_of_an_incident_kept_apart_is_a_row_of_its_own_though_the_incident_keeps_its_id()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid(), third = Guid.NewGuid();
        var rows = QueueRow.Group([Item(first, null), Item(second, first, minute: 1), Item(third, first, minute: 2)]);

        Assert.Equal(2, rows.Count);
        Assert.Equal((first, 1), (rows[0].First.CaseId, rows[0].Tips));
        Assert.Equal((second, 2, (Guid?)first), (rows[1].First.CaseId, rows[1].Tips, rows[1].First.IncidentId));
    }
}
