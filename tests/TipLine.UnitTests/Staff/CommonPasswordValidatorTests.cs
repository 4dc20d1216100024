using TipLine.Teams.Staff;
using Xunit;

namespace TipLine.UnitTests.Staff;

public sealed class CommonPasswordValidatorTests
{
    private static readonly StaffUser Member = new() { Email = "sam.rivera@lincoln.k12.test", DisplayName = "Sam Rivera" };

    [Theory]
    [InlineData("password1234", false)]         // among the most common passwords
    [InlineData("qwertyuiop123", false)]        // a keyboard row
    [InlineData("Password123!", false)]         // composition rules met, still guessed early
    [InlineData("samrivera2026", false)]        // the member's own name
    [InlineData("lincoln.k12.test", false)]     // their email's domain
    [InlineData("Lantern-orbit-velvet-42", true)]
    [InlineData("correct horse battery staple bicycle", true)]
    [InlineData("vTq8#pL2zR!m", true)]
    public async Task Guessable_passwords_are_refused_and_long_unrelated_ones_kept(string password, bool accepted)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, Member, password);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Equal("PasswordGuessable", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_password_longer_than_256_characters_is_refused_with_its_own_reason()
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, Member, new string('x', 200) + Guid.NewGuid().ToString("N") + new string('y', 40));

        Assert.Equal("PasswordTooLong", Assert.Single(result.Errors).Code);
    }
}
