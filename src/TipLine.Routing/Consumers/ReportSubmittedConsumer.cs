using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;

namespace TipLine.Routing.Consumers;

internal sealed class ReportSubmittedConsumer(RoutingDbContext db, ReportRouter router, TimeProvider clock) : IConsumer<ReportSubmitted>
{
    public Task Consume(ConsumeContext<ReportSubmitted> context) =>
        db.HandleOnceAsync<ReportSubmittedConsumer>(context, clock.GetUtcNow(), ct => router.RouteAsync(context.Message, ct));
}
