using System.Reflection;
using System.Text.Json;
using TipLine.Bus;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.UnitTests;

public class ContractTypesTests
{
    private static readonly Assembly Contracts = typeof(ReportSubmitted).Assembly;

    /// <summary>Every public record in the contracts assembly; the compiler gives records a Clone method.</summary>
    private static IEnumerable<Type> Records() =>
        Contracts.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null).OrderBy(t => t.FullName);

    public static TheoryData<Type> ContractRecords() => new(Records());

    [Theory]
    [MemberData(nameof(ContractRecords))]
    public void Every_contract_record_round_trips_through_its_stored_name(Type contract)
    {
        var name = ContractTypes.NameOf(contract);

        Assert.Equal(contract.FullName, name);
        Assert.Same(contract, ContractTypes.Resolve(name));
    }

    [Fact]
    public void The_contract_records_include_the_messages_the_modules_exchange()
    {
        var records = Records().ToList();

        Assert.Contains(typeof(ReportSubmitted), records);
        Assert.Contains(typeof(ReportRouted), records);
        Assert.Contains(typeof(CaseOpened), records);
        Assert.Contains(typeof(TeamQuestionAsked), records);
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(ContractTypes))]
    [InlineData(typeof(ReporterContact))]
    [InlineData(typeof(ContractTypesTests))]
    public void A_type_outside_the_contracts_is_not_a_bus_contract(Type type)
    {
        var error = Assert.Throws<ArgumentException>(() => ContractTypes.NameOf(type));

        Assert.Contains("is not a bus contract", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.String")]
    [InlineData("TipLine.Intake.Reports.ReporterContact")]
    [InlineData("TipLine.Contracts.NoSuchMessage")]
    public void A_stored_name_that_is_not_a_contract_does_not_resolve(string name)
    {
        Assert.Throws<InvalidOperationException>(() => ContractTypes.Resolve(name));
    }

    [Fact]
    public void A_contract_stored_as_JSON_under_its_name_comes_back_equal()
    {
        var submitted = new ReportSubmitted(
            Guid.NewGuid(), Guid.NewGuid(), ChannelNames.WebForm, "R-7KQ2", "es",
            new TipContent("Dijo que va a traer un arma.", null, "Mañana, en la escuela"),
            DangerNow: false, DateTimeOffset.Parse("2026-03-02T08:15:00-05:00", System.Globalization.CultureInfo.InvariantCulture));

        var name = ContractTypes.NameOf(submitted.GetType());
        var json = JsonSerializer.Serialize(submitted, submitted.GetType(), ContractTypes.Json);
        var back = JsonSerializer.Deserialize(json, ContractTypes.Resolve(name), ContractTypes.Json);

        Assert.Equal(submitted, back);
    }
}
