using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Web.Features.Routing;

/// <summary>Live human-access figures for supervisors: the last 24 hours against the target, and every breach with its cause.</summary>
public sealed class GetSla(RelayDeskDbContext db, RoutingPictureLoader loader, IOptions<RoutingOptions> options)
{
    public sealed record BreachView(Guid ConversationId, DateTimeOffset RequestedAt, DateTimeOffset BreachedAt, string Cause);

    public sealed record SlaView(
        double TargetShare,
        int ConnectWithinSeconds,
        int CallbackWithinSeconds,
        int Requests,
        int Met,
        int Breached,
        int Pending,
        double? MetShare,
        bool OnTarget,
        IReadOnlyDictionary<string, int> BreachesByCause,
        IReadOnlyList<BreachView> RecentBreaches,
        int Waiting,
        int AgentsOnline);

    public async Task<SlaView> HandleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var target = new HumanAccessTarget(settings.SlaShare, settings.SlaConnectWithin, settings.SlaCallbackWithin);
        var picture = await loader.LoadAsync(cancellationToken);
        var since = picture.Now.AddDays(-1);
        var entries = await db.HumanAccess.AsNoTracking().Where(e => e.RequestedAt >= since).ToListAsync(cancellationToken);
        var figures = target.Figures(entries.Select(e => new HumanAccessRecord(e.ConversationId, e.RequestedAt, e.ConnectedAt, e.CallbackBookedAt)), picture.Now);
        var breaches = entries.Where(e => e.BreachCause is not null).ToList();
        var online = picture.AgentNames.Keys.Count(id => picture.Board.FindAgent(id)?.Presence == Presence.Online);
        return new SlaView(target.Share, (int)target.ConnectWithin.TotalSeconds, (int)target.CallbackWithin.TotalSeconds,
            figures.Requests, figures.Met, figures.Breached, figures.Pending, figures.MetShare, figures.OnTarget,
            Enum.GetValues<BreachCause>().ToDictionary(CauseName, c => breaches.Count(b => b.BreachCause == c)),
            [.. breaches.OrderByDescending(b => b.BreachedAt).Take(20).Select(b => new BreachView(b.ConversationId, b.RequestedAt, b.BreachedAt!.Value, CauseName(b.BreachCause!.Value)))],
            picture.Board.QueuedCount + picture.CallbacksAhead.Count, online);
    }

    /// <summary>Causes travel as snake-case words: no_skill_on_shift, all_busy, offer_timeouts.</summary>
    public static string CauseName(BreachCause cause) => cause switch
    {
        BreachCause.NoSkillOnShift => "no_skill_on_shift",
        BreachCause.AllBusy => "all_busy",
        _ => "offer_timeouts",
    };

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sla", (GetSla handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("GetSla")
            .WithSummary("Human-access SLA over the last 24 hours, with breaches and their causes.");
}
