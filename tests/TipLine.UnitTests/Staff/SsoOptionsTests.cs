using System.ComponentModel.DataAnnotations;
using TipLine.Teams.Staff.SingleSignOn;
using Xunit;

namespace TipLine.UnitTests.Staff;

public sealed class SsoOptionsTests
{
    [Theory]
    [InlineData("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", true, true)]
    [InlineData("http://idp.district.test", true, false)]
    [InlineData("http://127.0.0.1:5000", false, true)]
    [InlineData("not a url", false, false)]
    [InlineData("", true, false)]
    public void The_provider_is_an_absolute_URL_and_HTTPS_unless_said_otherwise(string authority, bool requireHttps, bool valid)
    {
        var options = new SsoOptions { Authority = authority, ClientId = "tipline", ClientSecret = "secret", RequireHttpsMetadata = requireHttps };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }
}
