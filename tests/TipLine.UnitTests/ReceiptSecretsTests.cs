using System.Text.RegularExpressions;
using TipLine.Intake.Receipts;

namespace TipLine.UnitTests;

public partial class ReceiptSecretsTests
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$")]
    private static partial Regex CodeFormat();

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex PassphraseFormat();

    [Fact]
    public void New_credentials_are_a_three_group_code_and_a_four_group_passphrase_in_Crockford_letters()
    {
        for (var i = 0; i < 200; i++)
        {
            var credentials = ReceiptSecrets.NewCredentials();

            Assert.Matches(CodeFormat(), credentials.Code);
            Assert.Matches(PassphraseFormat(), credentials.Passphrase);
        }
    }

    [Fact]
    public void New_credentials_differ_on_every_call()
    {
        var issued = Enumerable.Range(0, 100).Select(_ => ReceiptSecrets.NewCredentials()).ToList();

        Assert.Equal(issued.Count, issued.Select(c => c.Code).Distinct().Count());
        Assert.Equal(issued.Count, issued.Select(c => c.Passphrase).Distinct().Count());
    }

    [Fact]
    public void New_credentials_survive_normalization_unchanged_but_for_dashes()
    {
        var credentials = ReceiptSecrets.NewCredentials();

        Assert.Equal(credentials.Code.Replace("-", "", StringComparison.Ordinal), ReceiptSecrets.Normalize(credentials.Code));
        Assert.Equal(credentials.Passphrase.Replace("-", "", StringComparison.Ordinal), ReceiptSecrets.Normalize(credentials.Passphrase));
    }

    [Theory]
    [InlineData("7KQ2-9XZH-M4TP", "7KQ29XZHM4TP")]
    [InlineData("7kq2-9xzh-m4tp", "7KQ29XZHM4TP")]
    [InlineData(" 7KQ2 9XZH M4TP ", "7KQ29XZHM4TP")]
    [InlineData("7KQ29XZHM4TP", "7KQ29XZHM4TP")]
    [InlineData("O0o-0", "0000")]
    [InlineData("I1iLl", "11111")]
    [InlineData("", "")]
    public void Normalize_forgives_case_spaces_dashes_and_look_alike_letters(string typed, string expected)
    {
        Assert.Equal(expected, ReceiptSecrets.Normalize(typed));
    }

    [Fact]
    public void Hashing_a_passphrase_is_deterministic_for_the_same_salt_and_iterations()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

        var first = ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1000);
        var second = ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1000);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Hashing_a_passphrase_forgives_how_the_reporter_typed_it()
    {
        var salt = new byte[16];

        Assert.Equal(
            ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1000),
            ReceiptSecrets.HashPassphrase(" abcd efgh jkmn pqrs", salt, 1000));
    }

    [Fact]
    public void Hashing_a_passphrase_with_a_different_salt_gives_a_different_hash()
    {
        var salt = new byte[16];
        var otherSalt = new byte[16];
        otherSalt[0] = 1;

        Assert.NotEqual(
            ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1000),
            ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", otherSalt, 1000));
    }

    [Fact]
    public void Hashing_a_passphrase_with_different_iterations_gives_a_different_hash()
    {
        var salt = new byte[16];

        Assert.NotEqual(
            ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1000),
            ReceiptSecrets.HashPassphrase("ABCD-EFGH-JKMN-PQRS", salt, 1001));
    }

    [Fact]
    public void Code_lookup_is_stable_for_the_same_key_and_forgives_typing()
    {
        var secrets = new ReceiptSecrets(Keys.Privacy());

        var lookup = secrets.CodeLookup("7KQ2-9XZH-M4TP");

        Assert.Equal(32, lookup.Length);
        Assert.Equal(lookup, secrets.CodeLookup("7KQ2-9XZH-M4TP"));
        Assert.Equal(lookup, secrets.CodeLookup("7kq2 9xzh m4tp"));
    }

    [Fact]
    public void Code_lookup_differs_with_a_different_key()
    {
        var secrets = new ReceiptSecrets(Keys.Privacy(fill: 1));
        var otherKey = new ReceiptSecrets(Keys.Privacy(fill: 100));

        Assert.NotEqual(secrets.CodeLookup("7KQ2-9XZH-M4TP"), otherKey.CodeLookup("7KQ2-9XZH-M4TP"));
    }

    [Fact]
    public void Code_lookup_differs_for_different_codes()
    {
        var secrets = new ReceiptSecrets(Keys.Privacy());

        Assert.NotEqual(secrets.CodeLookup("7KQ2-9XZH-M4TP"), secrets.CodeLookup("7KQ2-9XZH-M4TQ"));
    }

    [Fact]
    public void Iterations_come_from_the_privacy_options()
    {
        Assert.Equal(1000, new ReceiptSecrets(Keys.Privacy()).Iterations);
    }
}
