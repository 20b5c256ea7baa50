using System.Security.Claims;

namespace RelayDesk.Web.Features.Agent;

/// <summary>The open conversations the signed-in agent is handling.</summary>
public static class GetMyConversations
{
    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/conversations", async (ClaimsPrincipal user, CurrentAgent current, AgentQueries queries, CancellationToken ct) =>
            {
                var agent = await current.ResolveAsync(user);
                return new AgentConversationList(await queries.MineAsync(agent.Id, ct));
            })
            .WithName("GetMyConversations");
}
