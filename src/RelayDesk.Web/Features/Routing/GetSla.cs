using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Live human-access figures for supervisors: the last 24 hours against the target, and every breach with its cause.
/// A callback booked or replies by e-mail chosen within the callback time count as met; for the e-mail choice, when
/// the answer then went out is reported as well (how many got one, the median time from the request).
/// </summary>
public sealed class GetSla(RelayDeskDbContext db, RoutingPictureLoader loader, IOptions<RoutingOptions> options)
{
    public sealed record BreachView(Guid ConversationId, DateTimeOffset RequestedAt, DateTimeOffset BreachedAt, string Cause);

    /// <param name="Chosen">Requests whose customer chose replies by e-mail.</param>
    /// <param name="Answered">…of which a person's answer went into the e-mail outbox.</param>
    /// <param name="MedianAnswerSeconds">Median time from the request for a person to the first e-mailed answer; null before the first.</param>
    public sealed record EmailReplyView(int Chosen, int Answered, int? MedianAnswerSeconds);

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
        int AgentsOnline,
        EmailReplyView EmailReplies);

    public async Task<SlaView> HandleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var target = new HumanAccessTarget(settings.SlaShare, settings.SlaConnectWithin, settings.SlaCallbackWithin);
        var picture = await loader.LoadAsync(cancellationToken);
        var since = picture.Now.AddDays(-1);
        var entries = await db.HumanAccess.AsNoTracking().Where(e => e.RequestedAt >= since).ToListAsync(cancellationToken);
        var records = entries.Select(e => new HumanAccessRecord(e.ConversationId, e.RequestedAt, e.ConnectedAt, e.CallbackBookedAt, e.EmailReplyChosenAt)).ToList();
        var figures = target.Figures(records, picture.Now);
        var emailed = await EmailedAnswersAsync(records, cancellationToken);
        var email = HumanAccessTarget.EmailAnswerTimes(records, r => emailed[r.ConversationId].Where(at => at >= r.RequestedAt).Select(at => (DateTimeOffset?)at).Min());
        var breaches = entries.Where(e => e.BreachCause is not null).ToList();
        var online = picture.AgentNames.Keys.Count(id => picture.Board.FindAgent(id)?.Presence == Presence.Online);
        return new SlaView(target.Share, (int)target.ConnectWithin.TotalSeconds, (int)target.CallbackWithin.TotalSeconds,
            figures.Requests, figures.Met, figures.Breached, figures.Pending, figures.MetShare, figures.OnTarget,
            Enum.GetValues<BreachCause>().ToDictionary(CauseName, c => breaches.Count(b => b.BreachCause == c)),
            [.. breaches.OrderByDescending(b => b.BreachedAt).Take(20).Select(b => new BreachView(b.ConversationId, b.RequestedAt, b.BreachedAt!.Value, CauseName(b.BreachCause!.Value)))],
            picture.Board.QueuedCount + picture.CallbacksAhead.Count, online,
            new EmailReplyView(email.Chosen, email.Answered, email.MedianAnswerTime is { } median ? (int)median.TotalSeconds : null));
    }

    /// <summary>When agents' answers went into the e-mail outbox, per conversation that chose replies by e-mail.</summary>
    private async Task<ILookup<Guid, DateTimeOffset>> EmailedAnswersAsync(IReadOnlyList<HumanAccessRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Where(r => r.EmailReplyChosenAt is not null).Select(r => r.ConversationId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Array.Empty<DateTimeOffset>().ToLookup(_ => Guid.Empty);
        }

        var mails = await db.EmailOutbox.AsNoTracking().Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value) && m.MessageSeq != null)
            .Select(m => new { ConversationId = m.ConversationId!.Value, m.QueuedAt }).ToListAsync(cancellationToken);
        return mails.ToLookup(m => m.ConversationId, m => m.QueuedAt);
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
