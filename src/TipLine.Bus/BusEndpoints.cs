using MassTransit;

namespace TipLine.Bus;

/// <summary>How consumer queues are named (<c>tipline-case-opened</c>), for the bus and for whoever counts its error queues.</summary>
public static class BusEndpoints
{
    public static readonly IEndpointNameFormatter Names = new KebabCaseEndpointNameFormatter("tipline", includeNamespace: false);

    /// <summary>The queue a consumer type receives on.</summary>
    public static string QueueOf(Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(Names, null)!;
}
