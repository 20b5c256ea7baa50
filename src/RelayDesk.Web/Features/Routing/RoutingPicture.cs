using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// The routing picture rebuilt from the database: the database is the truth, so after a restart (or on another
/// instance) queues, loads, offers and callbacks are exactly what was stored.
/// </summary>
public sealed class RoutingPicture
{
    public required RoutingBoard Board { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The desk's business hours (the default team's).</summary>
    public required BusinessHours Hours { get; init; }

    /// <summary>Every team's business hours by team id.</summary>
    public required IReadOnlyDictionary<string, BusinessHours> TeamHours { get; init; }

    public required TimeSpan MeanHandlingTime { get; init; }

    public required IReadOnlyDictionary<string, string> AgentNames { get; init; }

    /// <summary>Conversations with an offer out right now.</summary>
    public required IReadOnlySet<Guid> Offered { get; init; }

    /// <summary>Booked callbacks whose time has not come: the conversation waits outside the agent queue until then.</summary>
    public required IReadOnlyDictionary<Guid, DateTimeOffset> CallbacksAhead { get; init; }

    /// <summary>Booked callbacks per slot start (for what is still free).</summary>
    public required IReadOnlyDictionary<DateTimeOffset, int> BookedSlots { get; init; }

    /// <summary>The teams waiting conversations were handed to (callbacks ahead included).</summary>
    public required IReadOnlyDictionary<Guid, string> HandedToTeam { get; init; }

    /// <summary>
    /// The business hours that count for a conversation: its team's when it was handed to a team, otherwise the
    /// desk's.
    /// </summary>
    public BusinessHours HoursFor(Guid conversationId) =>
        HandedToTeam.TryGetValue(conversationId, out var team) && TeamHours.TryGetValue(team, out var hours) ? hours : Hours;
}

public sealed class RoutingPictureLoader(RelayDeskDbContext db, IOptions<RoutingOptions> options, TimeProvider clock)
{
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public async Task<RoutingPicture> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var board = new RoutingBoard(new QueueOrder(settings.HighPriorityHeadStart));

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email, u.Skills, u.Languages }).ToListAsync(cancellationToken);
        var states = await db.AgentRouting.AsNoTracking().ToDictionaryAsync(a => a.AgentId, cancellationToken);
        var assigned = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Assigned && c.AssignedAgentId != null)
            .Select(c => new { c.AssignedAgentId, c.AssignedAt })
            .ToListAsync(cancellationToken);
        var offers = await db.RoutingOffers.AsNoTracking()
            .Where(o => o.Outcome != OfferOutcome.Accepted && o.Outcome != OfferOutcome.Withdrawn)
            .Join(db.Conversations.Where(c => c.State == ConversationState.Queued), o => o.ConversationId, c => c.Id,
                (o, c) => new { o.ConversationId, o.AgentId, o.Outcome, o.OfferedAt, c.HumanRequestedAt })
            .ToListAsync(cancellationToken);
        var pending = offers.Where(o => o.Outcome == OfferOutcome.Pending).ToList();

        foreach (var user in users)
        {
            states.TryGetValue(user.Id, out var state);
            var levels = RoutingAgent.ParseSkillLevels(state?.SkillLevels).ToDictionary();
            foreach (var skill in user.Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                levels.TryAdd(skill.ToLowerInvariant(), 1);
            }

            var mine = assigned.Where(a => a.AssignedAgentId == user.Id).ToList();
            var lastAssigned = mine.Select(a => a.AssignedAt).Max();
            var idleSince = state?.IdleSince ?? DateTimeOffset.MinValue;
            if (lastAssigned is { } last && last > idleSince)
            {
                idleSince = last;
            }

            board.SetAgent(new RoutingAgent(user.Id, levels,
                user.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                state?.Presence ?? Presence.Offline, mine.Count + pending.Count(o => o.AgentId == user.Id), idleSince,
                state?.Capacity ?? RoutingAgent.DefaultCapacity, state?.TeamId));
        }

        // Bounded by what can still matter: bookings of waiting conversations, and places in slots that are not over.
        var slotsFrom = now - settings.CallbackSlotLength;
        var callbacks = await db.CallbackBookings.AsNoTracking()
            .Where(b => b.Status != CallbackStatus.Cancelled)
            .Where(b => b.SlotStart >= slotsFrom || db.Conversations.Any(c => c.Id == b.ConversationId && c.State == ConversationState.Queued))
            .Select(b => new { b.ConversationId, b.SlotStart, b.Status })
            .ToListAsync(cancellationToken);
        var queued = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Queued)
            .Select(c => new { c.Id, c.EscalationPriority, c.EscalationSkills, c.Language, c.HumanRequestedAt, c.QueuedAt, c.TeamId })
            .ToListAsync(cancellationToken);
        var queuedIds = queued.Select(q => q.Id).ToHashSet();
        var callbackByConversation = callbacks.Where(b => queuedIds.Contains(b.ConversationId))
            .GroupBy(b => b.ConversationId).ToDictionary(g => g.Key, g => g.Max(b => b.SlotStart));
        var ahead = callbackByConversation.Where(c => c.Value > now).ToDictionary(c => c.Key, c => c.Value);

        foreach (var q in queued)
        {
            if (ahead.ContainsKey(q.Id))
            {
                continue;
            }

            // A due callback joins the queue at its slot time; otherwise the clock runs from the request for a person.
            var requestedAt = callbackByConversation.TryGetValue(q.Id, out var slot) ? slot : q.HumanRequestedAt ?? q.QueuedAt ?? now;
            // Agents who let it pass are not offered it again for a while; after that, rather than nobody, they are asked again.
            var passedSince = Max(q.HumanRequestedAt ?? DateTimeOffset.MinValue, now - settings.OfferPassMemory);
            var passedBy = offers.Where(o => o.ConversationId == q.Id && o.Outcome != OfferOutcome.Pending && o.OfferedAt >= passedSince)
                .Select(o => o.AgentId).ToHashSet(StringComparer.Ordinal);
            board.Enqueue(new QueuedCase(q.Id, q.EscalationPriority,
                q.EscalationSkills.Split(',', StringSplitOptions.RemoveEmptyEntries), q.Language, requestedAt)
            { PassedBy = passedBy, TeamId = q.TeamId });
        }

        var teams = await db.RoutingTeams.AsNoTracking().ToListAsync(cancellationToken);
        var teamHours = teams.ToDictionary(t => t.Id, t => settings.AroundTheClock ? BusinessHours.AlwaysOpen : t.ToBusinessHours(), StringComparer.Ordinal);
        var since = now.AddDays(-7);
        var handled = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedAt != null && c.ResolvedAt != null && c.ResolvedAt >= since)
            .OrderByDescending(c => c.ResolvedAt)
            .Select(c => new { c.AssignedAt, c.ResolvedAt })
            .Take(50)
            .ToListAsync(cancellationToken);

        return new RoutingPicture
        {
            Board = board,
            Now = now,
            Hours = teamHours.GetValueOrDefault(AgentRoutingState.DefaultTeamId) ?? (settings.AroundTheClock ? BusinessHours.AlwaysOpen : BusinessHours.Demo),
            TeamHours = teamHours,
            HandedToTeam = queued.Where(q => q.TeamId != null).ToDictionary(q => q.Id, q => q.TeamId!),
            MeanHandlingTime = WaitEstimator.MeanHandlingTime([.. handled.Select(h => h.ResolvedAt!.Value - h.AssignedAt!.Value)], settings.FallbackHandlingTime),
            AgentNames = users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName),
            Offered = pending.Select(o => o.ConversationId).ToHashSet(),
            CallbacksAhead = ahead,
            BookedSlots = callbacks.Where(b => b.Status == CallbackStatus.Booked).GroupBy(b => b.SlotStart).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
