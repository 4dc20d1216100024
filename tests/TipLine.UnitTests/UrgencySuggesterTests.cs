using TipLine.Contracts;
using TipLine.Routing.Urgency;

namespace TipLine.UnitTests;

public class UrgencySuggesterTests
{
    [Theory]
    [InlineData("Something feels off about a kid in my class.")]
    [InlineData("")]
    public void Danger_now_is_always_imminent(string text)
    {
        var suggestion = UrgencySuggester.Suggest(true, text);

        Assert.Equal(SuggestedUrgency.Imminent, suggestion.Urgency);
    }

    [Theory]
    [InlineData("He said he has a gun and will bring it tomorrow.")]
    [InlineData("He has a knife and said he is going to stab him.")]
    [InlineData("She threatened to bring her dad's pistol.")]
    [InlineData("There is a bomb in the gym, it goes off at lunch.")]
    [InlineData("HE HAS A RIFLE AND WILL SHOOT EVERYONE")]
    public void Weapon_with_a_threat_or_a_time_or_place_suggests_imminent_in_English(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.Imminent, suggestion.Urgency);
        Assert.Contains("weapon", suggestion.Categories);
    }

    [Theory]
    [InlineData("Dijo que va a traer una pistola mañana.")]
    [InlineData("Tiene un cuchillo y amenazó a un compañero.")]
    [InlineData("Va a traer un arma a la escuela hoy.")]
    [InlineData("Tiene una navaja y quiere matar a alguien.")]
    public void Weapon_with_a_threat_or_a_time_or_place_suggests_imminent_in_Spanish(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.Imminent, suggestion.Urgency);
        Assert.Contains("weapon", suggestion.Categories);
    }

    [Fact]
    public void Weapon_and_tomorrow_suggests_imminent()
    {
        var suggestion = UrgencySuggester.Suggest(false, "gun", "tomorrow");

        Assert.Equal(SuggestedUrgency.Imminent, suggestion.Urgency);
    }

    [Fact]
    public void Weapon_and_time_in_different_fields_are_read_together_and_missing_fields_are_ignored()
    {
        var suggestion = UrgencySuggester.Suggest(false, "He showed us a gun in the parking lot.", null, "He said he'd do it tonight.");

        Assert.Equal(SuggestedUrgency.Imminent, suggestion.Urgency);
    }

    [Theory]
    [InlineData("I saw a knife in his locker.")]
    [InlineData("Vi una pistola en su mochila.")]
    public void A_weapon_alone_suggests_high(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.High, suggestion.Urgency);
        Assert.Equal(["weapon"], suggestion.Categories);
    }

    [Theory]
    [InlineData("He keeps saying he will kill them.")]
    [InlineData("Lo amenazaron por mensaje.")]
    public void A_threat_without_a_weapon_suggests_high(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.High, suggestion.Urgency);
        Assert.Equal(["threat"], suggestion.Categories);
    }

    [Theory]
    [InlineData("My friend has been talking about suicide.")]
    [InlineData("She has been cutting herself in the bathroom.")]
    [InlineData("He said he wants to end his life.")]
    [InlineData("Mi amiga dice que quiere quitarse la vida.")]
    [InlineData("Dice que quiere hacerse daño.")]
    public void Self_harm_suggests_high_with_the_self_harm_category(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.High, suggestion.Urgency);
        Assert.Contains("self-harm", suggestion.Categories);
    }

    [Theory]
    [InlineData("They bully him every day at lunch.")]
    [InlineData("A group of kids keeps harassing her online.")]
    [InlineData("Lo acosan en el recreo.")]
    [InlineData("Lo molestan todos los días.")]
    public void Bullying_alone_is_routine_with_the_bullying_category(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.Routine, suggestion.Urgency);
        Assert.Equal(["bullying"], suggestion.Categories);
    }

    [Theory]
    [InlineData("The vending machine on the second floor is broken.")]
    [InlineData("The class has begun a new unit on study skills.")]
    [InlineData("Hay basura en el patio.")]
    public void Plain_text_is_routine_with_no_categories(string text)
    {
        var suggestion = UrgencySuggester.Suggest(false, text);

        Assert.Equal(SuggestedUrgency.Routine, suggestion.Urgency);
        Assert.Empty(suggestion.Categories);
    }

    [Fact]
    public void No_text_at_all_is_routine()
    {
        var suggestion = UrgencySuggester.Suggest(false, null, null);

        Assert.Equal(SuggestedUrgency.Routine, suggestion.Urgency);
        Assert.Empty(suggestion.Categories);
    }
}
