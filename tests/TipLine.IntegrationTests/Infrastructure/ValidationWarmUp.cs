using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// RangeAttribute sets up its conversion on first use without a lock, and the attribute instances are cached for the whole
/// process (dotnet/runtime#1143): two test apps validating their options at the same moment for the first time can get an
/// InvalidCastException. Validating every options type once, on one thread, before the first app starts sets them all up.
/// </summary>
internal static class ValidationWarmUp
{
    private static readonly Lazy<int> Done = new(WarmUp, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureDone() => _ = Done.Value;

    private static int WarmUp()
    {
        var types = new[] { typeof(TipLine.Hosting.TipLineHost), typeof(TipLine.Intake.IntakeModule), typeof(TipLine.Routing.RoutingModule),
                typeof(TipLine.Teams.TeamsModule), typeof(TipLine.Bus.BusOptions), typeof(TipLine.Mail.SmtpOptions), typeof(TipLine.Directory.School) }
            .Select(t => t.Assembly).Distinct()
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("TipLine.", StringComparison.Ordinal) == true))
            .Distinct().SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetCustomAttributes<RangeAttribute>().Any()));
        var warmed = 0;
        foreach (var type in types)
        {
            try
            {
                var instance = Activator.CreateInstance(type)!;
                Validator.TryValidateObject(instance, new ValidationContext(instance), [], validateAllProperties: true);
                warmed++;
            }
            catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or ArgumentException)
            {
                // A type that cannot be made or validated bare is left to warm up on its first real use.
            }
        }
        return warmed;
    }
}
