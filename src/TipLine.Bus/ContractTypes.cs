using System.Text.Json;
using TipLine.Contracts;

namespace TipLine.Bus;

/// <summary>Maps stored message type names back to contract types; only contracts can be published.</summary>
public static class ContractTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly System.Reflection.Assembly ContractsAssembly = typeof(ReportSubmitted).Assembly;

    public static string NameOf(Type type) =>
        type.Assembly == ContractsAssembly && type.FullName is { } name
            ? name
            : throw new ArgumentException($"{type} is not a bus contract.", nameof(type));

    public static Type Resolve(string name) =>
        ContractsAssembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown contract type '{name}'.");
}
