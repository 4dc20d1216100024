using System.ComponentModel.DataAnnotations;
using TipLine.Intake.Reporters;

namespace TipLine.UnitTests;

public class Base64KeyAttributeTests
{
    private readonly Base64KeyAttribute attribute = new();

    [Fact]
    public void A_32_byte_key_in_base64_is_accepted()
    {
        Assert.True(attribute.IsValid(Keys.Of(7)));
    }

    public static TheoryData<object?> RejectedValues => new()
    {
        null,
        "",
        Convert.ToBase64String(new byte[16]),
        Convert.ToBase64String(new byte[31]),
        Convert.ToBase64String(new byte[33]),
        Convert.ToBase64String(new byte[64]),
        Convert.ToBase64String(new byte[100]),
        "this is not base64 at all!",
        "change-me",
        42,
    };

    [Theory]
    [MemberData(nameof(RejectedValues))]
    public void Short_long_malformed_or_missing_keys_are_rejected(object? value)
    {
        Assert.False(attribute.IsValid(value));
    }

    [Fact]
    public void Privacy_options_with_three_good_keys_are_valid()
    {
        var options = Keys.Privacy().Value;

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void A_bad_key_is_reported_by_name_with_how_to_make_a_good_one()
    {
        var options = Keys.Privacy().Value;
        options.ReceiptKey = Convert.ToBase64String(new byte[16]);
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));

        var error = Assert.Single(errors);
        Assert.Equal([nameof(PrivacyOptions.ReceiptKey)], error.MemberNames);
        Assert.Contains("32 random bytes in base64", error.ErrorMessage, StringComparison.Ordinal);
    }
}
