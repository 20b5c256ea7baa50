using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// One routing pass, everything read from and written to the database: offers that ran out, agents whose connection
/// is gone for longer than the grace period, chats of agents who went offline, callbacks whose time came, the
/// human-access bookkeeping, and finally new offers to the best free agents.
/// Several instances run passes at once on the same database: every write is conditional on what it read (an offer
/// still pending, an agent still online) or guarded by a unique index, so the pass that loses a race changes nothing
/// and leaves the outcome to the winner.
/// </summary>
public sealed partial class RoutingPass(
    RelayDeskDbContext db,
    RoutingPictureLoader loader,
    ConversationStore store,
    DeskNotifier notifier,
    IHubContext<AgentHub, IAgentClient> agentHub,
    ConnectionRegistry connections,
    PresenceTracker presence,
    IOptions<RoutingOptions> options,
    TimeProvider clock,
    ILogger<RoutingPass> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await ReapDeadConnectionsAsync(cancellationToken);
        var changed = await CloseOffersAsync(now, cancellationToken);
        changed |= await ApplyPresenceGraceAsync(now, settings.PresenceGrace, cancellationToken);
        changed |= await ReturnChatsOfOfflineAgentsAsync(now, cancellationToken);
        changed |= await MarkCallbacksDueAsync(now, cancellationToken);

        var picture = await loader.LoadAsync(cancellationToken);
        changed |= await KeepHumanAccessAsync(picture, settings, cancellationToken);
        changed |= await OfferAsync(picture, settings, cancellationToken);
        if (changed)
        {
            await notifier.PublishRoutingChangeAsync(cancellationToken);
        }
    }

    private async Task<bool> CloseOffersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var pending = await db.RoutingOffers.Where(o => o.Outcome == OfferOutcome.Pending).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return false;
        }

        var ids = pending.Select(o => o.ConversationId).Distinct().ToList();
        var states = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.State, c.AssignedAgentId, c.TeamId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var agentIds = pending.Select(o => o.AgentId).Distinct().ToList();
        var teamOf = await db.AgentRouting.AsNoTracking().Where(a => agentIds.Contains(a.AgentId))
            .ToDictionaryAsync(a => a.AgentId, a => a.TeamId, cancellationToken);
        var ended = new List<RoutingOffer>();
        foreach (var offer in pending)
        {
            var conversation = states.GetValueOrDefault(offer.ConversationId);

            // The agent's accept may have assigned the chat a moment before it closes its offer: that is an acceptance.
            var outcome = conversation is { State: ConversationState.Assigned } && conversation.AssignedAgentId == offer.AgentId ? OfferOutcome.Accepted
                : conversation is not { State: ConversationState.Queued } ? OfferOutcome.Withdrawn
                : conversation.TeamId is { } team && team != teamOf.GetValueOrDefault(offer.AgentId) ? OfferOutcome.Withdrawn
                : offer.ExpiresAt <= now ? OfferOutcome.TimedOut
                : OfferOutcome.Pending;
            if (outcome == OfferOutcome.Pending)
            {
                continue;
            }

            // Only while still pending: the agent's answer, or another instance's pass, may have closed it meanwhile.
            var closed = await db.RoutingOffers.Where(o => o.Id == offer.Id && o.Outcome == OfferOutcome.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, outcome).SetProperty(o => o.AnsweredAt, (DateTimeOffset?)now), cancellationToken);
            if (closed > 0)
            {
                offer.Outcome = outcome;
                offer.AnsweredAt = now;
                ended.Add(offer);
            }
        }

        db.ChangeTracker.Clear();
        foreach (var offer in ended)
        {
            Log.OfferEnded(logger, offer.ConversationId, offer.AgentId, offer.Outcome);
            await agentHub.Clients.User(offer.AgentId).OfferEnded(offer.Id, offer.Outcome.ToString().ToLowerInvariant());
        }

        return ended.Count > 0;
    }

    private async Task<bool> ApplyPresenceGraceAsync(DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var dropped = await db.AgentRouting.AsNoTracking().Where(a => a.Presence != Presence.Offline && a.DisconnectedAt != null)
            .Select(a => new { a.AgentId, a.DisconnectedAt }).ToListAsync(cancellationToken);
        var due = dropped.Where(a => a.DisconnectedAt + grace <= now).Select(a => a.AgentId).ToList();
        if (due.Count == 0)
        {
            return false;
        }

        // Connected again on any instance (the grace time is cleared then, but this read may be older than that).
        var connected = await connections.ConnectedAsync(LiveConnectionKind.Agent, due, cancellationToken);
        var lostBefore = now - grace;

        // Connected again on another instance while this one noted the loss: the noted time no longer holds.
        foreach (var agentId in connected)
        {
            await db.AgentRouting.Where(a => a.AgentId == agentId && a.DisconnectedAt != null && a.DisconnectedAt <= lostBefore)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.DisconnectedAt, (DateTimeOffset?)null), cancellationToken);
        }

        var changed = false;
        foreach (var agentId in due.Where(a => !connected.Contains(a)))
        {
            var wentOffline = await db.AgentRouting
                .Where(a => a.AgentId == agentId && a.Presence != Presence.Offline && a.DisconnectedAt != null && a.DisconnectedAt <= lostBefore)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.Presence, Presence.Offline)
                    .SetProperty(a => a.PresenceChangedAt, now)
                    .SetProperty(a => a.DisconnectedAt, (DateTimeOffset?)null), cancellationToken);
            if (wentOffline > 0)
            {
                changed = true;
                Log.ConnectionLost(logger, agentId);
            }
        }

        return changed;
    }

    /// <summary>Connections of an instance that died without closing them no longer count: their agents' grace period starts.</summary>
    private async Task ReapDeadConnectionsAsync(CancellationToken cancellationToken)
    {
        var orphaned = await connections.ReapDeadAsync(LiveConnectionKind.Agent, cancellationToken);
        if (orphaned.Count == 0)
        {
            return;
        }

        var stillConnected = await connections.ConnectedAsync(LiveConnectionKind.Agent, orphaned, cancellationToken);
        await presence.StartGraceAsync(orphaned.Where(a => !stillConnected.Contains(a)).ToList(), cancellationToken);
    }

    private async Task<bool> ReturnChatsOfOfflineAgentsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offline = await db.AgentRouting.AsNoTracking().Where(a => a.Presence == Presence.Offline)
            .Select(a => new { a.AgentId, a.PresenceChangedAt }).ToListAsync(cancellationToken);
        if (offline.Count == 0)
        {
            return false;
        }

        var wentOffline = offline.ToDictionary(a => a.AgentId, a => a.PresenceChangedAt);
        var ids = wentOffline.Keys.ToList();
        var held = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Assigned && c.AssignedAgentId != null && ids.Contains(c.AssignedAgentId))
            .Select(c => new { c.Id, c.AssignedAgentId, c.AssignedAt }).ToListAsync(cancellationToken);
        var changed = false;

        // Only chats the agent had when they went offline; a chat taken while already offline (pulled) stays theirs.
        foreach (var chat in held.Where(c => c.AssignedAt < wentOffline[c.AssignedAgentId!]))
        {
            var returned = await store.ExecuteAsync(chat.Id, c =>
            {
                if (c.State != ConversationState.Assigned || c.AssignedAgentId != chat.AssignedAgentId)
                {
                    return false; // Already returned (e.g. by another instance's pass) or taken on.
                }

                c.ReturnToQueue(now);
                c.Append(MessageAuthor.System, RoutingTexts.AgentLeft(c.Language), now);
                return true;
            }, cancellationToken);
            if (returned)
            {
                Log.ReturnedToQueue(logger, chat.Id, chat.AssignedAgentId!);
                changed = true;
            }
        }

        return changed;
    }

    private async Task<bool> MarkCallbacksDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var booked = await db.CallbackBookings.Where(b => b.Status == CallbackStatus.Booked).ToListAsync(cancellationToken);
        var due = booked.Where(b => b.SlotStart <= now).Select(b => b.Id).ToList();
        if (due.Count == 0)
        {
            return false;
        }

        var marked = await db.CallbackBookings.Where(b => due.Contains(b.Id) && b.Status == CallbackStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, CallbackStatus.Due), cancellationToken);
        return marked > 0;
    }

    /// <summary>
    /// Opens an SLA entry for every new request for a person, marks it connected when an agent took the chat, and
    /// records a breach with its cause once the deadline has passed without a person or a callback. A request made
    /// out of hours is answered at once with when people are back and the callback offer.
    /// </summary>
    private async Task<bool> KeepHumanAccessAsync(RoutingPicture picture, RoutingOptions settings, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = picture.Now;
        var target = new HumanAccessTarget(settings.SlaShare, settings.SlaConnectWithin, settings.SlaCallbackWithin);
        var window = now.AddDays(-1);
        var requests = (await db.Conversations.AsNoTracking()
            .Where(c => c.HumanRequestedAt != null && c.HumanRequestedAt >= window && c.State != ConversationState.Assistant)
            .Select(c => new { c.Id, c.HumanRequestedAt, c.AssignedAt, c.ClosedAt, c.State, c.Language, c.EmailReplyChosenAt })
            .ToListAsync(cancellationToken));
        var entries = await db.HumanAccess.Where(e => e.RequestedAt >= window)
            .ToDictionaryAsync(e => (e.ConversationId, e.RequestedAt), cancellationToken);
        var newlyRequested = new List<(Guid Id, string Language)>();
        var changed = false;
        foreach (var request in requests)
        {
            var key = (request.Id, request.HumanRequestedAt!.Value);
            if (!entries.TryGetValue(key, out var entry))
            {
                entry = new HumanAccessEntry { Id = Guid.NewGuid(), ConversationId = request.Id, RequestedAt = key.Value };
                db.HumanAccess.Add(entry);
                entries[key] = entry;
                newlyRequested.Add((request.Id, request.Language));
            }

            if (entry.ConnectedAt is null && request.AssignedAt is { } assignedAt && assignedAt >= entry.RequestedAt)
            {
                entry.ConnectedAt = assignedAt;
                changed = true;
            }

            // Chosen while this request waited: the customer has their answer coming by e-mail (counts like a callback).
            if (entry.EmailReplyChosenAt is null && request.EmailReplyChosenAt is { } chosenAt && chosenAt >= entry.RequestedAt)
            {
                entry.EmailReplyChosenAt = chosenAt;
                changed = true;
            }

            // The customer left before the deadline without being connected: abandoned, not a miss of the target.
            if (entry.ConnectedAt is null && entry.CallbackBookedAt is null && entry.EmailReplyChosenAt is null && entry.BreachedAt is null
                && request.ClosedAt is { } closedAt && closedAt - entry.RequestedAt <= target.ConnectWithin)
            {
                db.HumanAccess.Remove(entry);
                entries.Remove(key);
                changed = true;
            }
        }

        var timeouts = (await db.RoutingOffers.AsNoTracking().Where(o => o.Outcome == OfferOutcome.TimedOut && o.OfferedAt >= window)
            .Select(o => new { o.ConversationId, o.OfferedAt }).ToListAsync(cancellationToken)).ToLookup(o => o.ConversationId);
        foreach (var entry in entries.Values.Where(e => e.BreachedAt is null))
        {
            var record = new HumanAccessRecord(entry.ConversationId, entry.RequestedAt, entry.ConnectedAt, entry.CallbackBookedAt, entry.EmailReplyChosenAt);
            if (target.Evaluate(record, now) == SlaOutcome.Breached)
            {
                entry.BreachedAt = entry.RequestedAt + target.ConnectWithin;
                var qualified = picture.Board.WaitInputsFor(entry.ConversationId)?.QualifiedOnShift ?? 0;
                entry.BreachCause = HumanAccessTarget.CauseOf(qualified, timeouts[entry.ConversationId].Count(o => o.OfferedAt >= entry.RequestedAt));
                Log.Breach(logger, entry.ConversationId, entry.BreachCause.Value);
                changed = true;
            }
        }

        // Another instance's pass may have opened the same entries a moment before (one entry per request): it also tells
        // those customers about the hours. This pass goes on to the offers; the next one sees what is stored.
        if (!await SaveUnlessRaceLostAsync(cancellationToken))
        {
            return false;
        }

        if (!picture.Hours.IsOpen(now))
        {
            var backAt = picture.Hours.NextOpen(now);
            foreach (var (id, _) in newlyRequested)
            {
                await store.ExecuteAsync(id, c =>
                {
                    if (c.State == ConversationState.Queued)
                    {
                        c.Append(MessageAuthor.System, RoutingTexts.OutOfHours(c.Language, backAt, picture.Hours.TimeZone, emailReplyChosen: c.EmailReplyTo is not null), now);
                    }

                    return c;
                }, cancellationToken);
            }
        }

        return changed || newlyRequested.Count > 0;
    }

    private async Task<bool> OfferAsync(RoutingPicture picture, RoutingOptions settings, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var board = picture.Board;
        foreach (var offered in picture.Offered)
        {
            board.Remove(offered); // Already with an agent to answer.
        }

        var offers = new List<RoutingOffer>();
        while (board.NextAssignment(picture.Now) is { } decision)
        {
            var offer = new RoutingOffer
            {
                Id = Guid.NewGuid(),
                ConversationId = decision.ConversationId,
                AgentId = decision.AgentId,
                OfferedAt = picture.Now,
                ExpiresAt = picture.Now + settings.OfferTimeout,
                Outcome = OfferOutcome.Pending,
                Why = decision.Why.Length > 1000 ? decision.Why[..1000] : decision.Why,
            };
            offers.Add(offer);
            board.Remove(decision.ConversationId);
            var agent = board.FindAgent(decision.AgentId)!;
            board.SetAgent(agent with { Load = agent.Load + 1 });
        }

        if (offers.Count == 0)
        {
            return false;
        }

        db.RoutingOffers.AddRange(offers);
        // Another instance may have offered one of these conversations first (one open offer per conversation): the next
        // pass starts again from what is stored.
        if (!await SaveUnlessRaceLostAsync(cancellationToken))
        {
            return false;
        }

        offers = await KeepWithinCapacityAsync(offers, picture.Now, cancellationToken);
        foreach (var offer in offers)
        {
            Log.Offered(logger, offer.ConversationId, offer.AgentId);
            await agentHub.Clients.User(offer.AgentId).Offered(OfferView.From(offer));
        }

        return true;
    }

    /// <summary>
    /// Another instance's pass may have offered to the same agents at the same moment, each from its own picture. An
    /// agent now over capacity (chats plus open offers, as the picture counts them) keeps what was there before: this
    /// pass takes back its own new offers before anyone is told, and a later pass offers those conversations again.
    /// </summary>
    internal async Task<List<RoutingOffer>> KeepWithinCapacityAsync(List<RoutingOffer> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agentIds = offers.Select(o => o.AgentId).Distinct().ToList();
        var capacity = await db.AgentRouting.AsNoTracking().Where(a => agentIds.Contains(a.AgentId))
            .ToDictionaryAsync(a => a.AgentId, a => a.Capacity, cancellationToken);
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Assigned && c.AssignedAgentId != null && agentIds.Contains(c.AssignedAgentId))
            .Select(c => c.AssignedAgentId!).ToListAsync(cancellationToken);
        var open = await db.RoutingOffers.AsNoTracking().Where(o => o.Outcome == OfferOutcome.Pending && agentIds.Contains(o.AgentId))
            .Join(db.Conversations.Where(c => c.State == ConversationState.Queued), o => o.ConversationId, c => c.Id, (o, _) => o.AgentId)
            .ToListAsync(cancellationToken);
        var kept = new List<RoutingOffer>();
        foreach (var mine in offers.GroupBy(o => o.AgentId))
        {
            var excess = chats.Count(a => a == mine.Key) + open.Count(a => a == mine.Key)
                - capacity.GetValueOrDefault(mine.Key, RoutingAgent.DefaultCapacity);
            foreach (var offer in mine)
            {
                if (excess > 0 && await db.RoutingOffers.Where(o => o.Id == offer.Id && o.Outcome == OfferOutcome.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Outcome, OfferOutcome.Withdrawn).SetProperty(o => o.AnsweredAt, (DateTimeOffset?)now), cancellationToken) > 0)
                {
                    excess--;
                    Log.OverCapacity(logger, offer.ConversationId, offer.AgentId);
                    continue;
                }

                kept.Add(offer);
            }
        }

        return kept;
    }

    /// <summary>Saves this pass's changes; false when another instance's pass stored a clashing row first (a unique index).</summary>
    private async Task<bool> SaveUnlessRaceLostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception)
        {
            Log.LostRace(logger, exception.GetType().Name);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Offer of conversation {ConversationId} to agent {AgentId} taken back: another instance offered them a chat at the same time.")]
        public static partial void OverCapacity(ILogger logger, Guid conversationId, string agentId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} offered to agent {AgentId}.")]
        public static partial void Offered(ILogger logger, Guid conversationId, string agentId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Offer of conversation {ConversationId} to agent {AgentId} ended: {Outcome}.")]
        public static partial void OfferEnded(ILogger logger, Guid conversationId, string agentId, OfferOutcome outcome);

        [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} lost their connection for longer than the grace period: now offline.")]
        public static partial void ConnectionLost(ILogger logger, string agentId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} returned to the queue: agent {AgentId} went offline.")]
        public static partial void ReturnedToQueue(ILogger logger, Guid conversationId, string agentId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance's routing pass wrote first ({Error}); this pass leaves it to them.")]
        public static partial void LostRace(ILogger logger, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Human-access target missed for conversation {ConversationId}: {Cause}.")]
        public static partial void Breach(ILogger logger, Guid conversationId, BreachCause cause);
    }
}
