namespace RelayDesk.Web.Features.Agent;

/// <summary>Staff see who is waiting for a person, in queue order.</summary>
public static class GetQueue
{
    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/queue", async (AgentQueries queries, CancellationToken ct) => new QueueList(await queries.QueueAsync(ct)))
            .WithName("GetQueue");
}
