using TipLine.Contracts;
using TipLine.Intake.Channels.WebForm;

namespace TipLine.UnitTests;

public class ContactParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_contact_is_accepted_as_no_contact(string? input)
    {
        Assert.True(ContactParser.TryParse(input, out var contact));
        Assert.Null(contact);
    }

    [Theory]
    [InlineData("someone@example.com", "someone@example.com")]
    [InlineData("Someone@Example.COM", "someone@example.com")]
    [InlineData("  parent.name+tips@school.k12.us  ", "parent.name+tips@school.k12.us")]
    public void An_email_address_is_read_lower_cased_on_the_email_channel(string input, string expected)
    {
        Assert.True(ContactParser.TryParse(input, out var contact));
        Assert.NotNull(contact);
        Assert.Equal(ChannelNames.Email, contact.Channel);
        Assert.Equal(expected, contact.Address);
    }

    [Theory]
    [InlineData("5551234567", "+15551234567")]
    [InlineData("(555) 123-4567", "+15551234567")]
    [InlineData("555.123.4567", "+15551234567")]
    [InlineData("555-123-4567", "+15551234567")]
    [InlineData("1-555-123-4567", "+15551234567")]
    [InlineData("+1 555 123 4567", "+15551234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void A_phone_number_is_read_as_E164_on_the_sms_channel(string input, string expected)
    {
        Assert.True(ContactParser.TryParse(input, out var contact));
        Assert.NotNull(contact);
        Assert.Equal(ChannelNames.Sms, contact.Channel);
        Assert.Equal(expected, contact.Address);
    }

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("12")]
    [InlineData("a@b")]
    [InlineData("not an email@")]
    [InlineData("555-CALL-NOW")]
    [InlineData("+1 555 123 4567 ext 12")]
    [InlineData("1234567890123456")]
    public void Anything_else_is_refused(string input)
    {
        Assert.False(ContactParser.TryParse(input, out var contact));
        Assert.Null(contact);
    }

    [Theory]
    [InlineData("555-1234")]
    [InlineData("555 123 456")]
    public void A_local_number_without_an_area_code_is_refused_rather_than_read_as_international(string input)
    {
        Assert.False(ContactParser.TryParse(input, out _));
    }
}
