using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Web.Features.Routing;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Scale;

internal static class ScaleProbes
{
    /// <summary>Runs one routing pass on this instance now and waits for it (the dispatchers may run theirs alongside).</summary>
    public static async Task RunRoutingPassAsync(this RelayDeskFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoutingPass>().RunAsync(CancellationToken.None);
    }

    public static async Task WithDatabaseAsync(this RelayDeskFactory factory, Func<RelayDeskDbContext, Task> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>());
    }

    public static async Task<AgentRoutingState> AgentRoutingAsync(this RelayDeskFactory factory, string agentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>().AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == agentId);
    }
}
