using System.Net;
using System.Text.RegularExpressions;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>
/// Whoever can submit a tip must not learn who sent another: a suspect's number typed into the public form gives a label
/// of its own, never the one the suspect's texts carry.
/// </summary>
public sealed partial class ReporterLabelTests : SmsDistrict
{
    [Fact]
    public async Task A_phone_number_typed_into_the_form_gets_a_label_of_its_own_never_the_label_of_that_phone_s_texts()
    {
        var (status, _) = await PostWebhookAsync("/twilio/sms", Sms("+15551230001", DemoDistrict.LincolnHighNumber, "someone wrote a threat on the bathroom wall"));
        Assert.Equal(HttpStatusCode.OK, status);
        using (var reporter = new ReporterClient(App.CreateClient()))
        {
            Assert.NotNull((await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "a kid said he has a knife in his bag", contact: "+1 555 123 0001")).Code);
            Assert.NotNull((await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "there was a fight planned after school", contact: "(555) 123-0001")).Code);
        }

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var cases = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 3 } all ? all : null, what: "three cases");
        var labels = cases.Select(c => c.Pseudonym).ToList();
        Assert.All(labels, l => Assert.Matches(Label(), l));
        Assert.Equal(3, labels.Distinct().Count());

        // Nothing the team can read links one case to another: each case's page and API answer name only its own label.
        foreach (var c in cases)
        {
            var view = (await staff.GetCaseAsync(c.CaseId)).Body + await staff.Http.GetStringAsync($"/staff/cases/{c.CaseId}");
            Assert.Contains(c.Pseudonym, view, StringComparison.Ordinal);
            Assert.All(labels.Where(l => l != c.Pseudonym), other => Assert.DoesNotContain(other, view, StringComparison.Ordinal));
            Assert.DoesNotContain("1230001", view, StringComparison.Ordinal);
            Assert.DoesNotContain("123-0001", view, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex Label();
}
