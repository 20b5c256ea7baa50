using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// The customer's honest wait: place, a range rather than a number, and a callback offer instead of a dead end when
/// nobody qualified is on shift, the desk is closed, or the estimate is above the queue's target.
/// </summary>
public sealed class WaitingRoom(RoutingPictureLoader loader, RelayDeskDbContext db, IOptions<RoutingOptions> options)
{
    public async Task<ConversationView> ViewAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.State != ConversationState.Queued)
        {
            return new ConversationView(conversation.Id, conversation.State.ToWire(), null, conversation.AssignedAgentName,
                EmailReply: EmailReplyView.Of(conversation));
        }

        return View(await loader.LoadAsync(cancellationToken), conversation);
    }

    /// <summary>A conversation's view from an already loaded picture.</summary>
    public ConversationView View(RoutingPicture picture, Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(conversation);
        var view = conversation.State == ConversationState.Queued
            ? ViewOf(picture, conversation.Id, picture.Board.Positions())
            : new ConversationView(conversation.Id, conversation.State.ToWire(), null, conversation.AssignedAgentName);
        return view with { EmailReply = EmailReplyView.Of(conversation) };
    }

    /// <summary>The views of everyone waiting, from one picture (for pushing positions after a change).</summary>
    public async Task<IReadOnlyList<ConversationView>> QueuedViewsAsync(RoutingPicture picture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var positions = picture.Board.Positions();
        var ids = positions.Keys.Concat(picture.CallbacksAhead.Keys).ToList();
        var emailReplies = await db.Conversations.AsNoTracking()
            .Where(c => c.State == ConversationState.Queued && c.EmailReplyTo != null)
            .Select(c => new { c.Id, c.EmailReplyTo }).ToDictionaryAsync(c => c.Id, c => c.EmailReplyTo, cancellationToken);
        return [.. ids.Select(id => ViewOf(picture, id, positions) with { EmailReply = EmailReplyView.Of(emailReplies.GetValueOrDefault(id)) })];
    }

    public CallbackPlanner Planner => new(options.Value.CallbackSlotLength, options.Value.CallbacksPerSlot, options.Value.CallbackLeadTime);

    private ConversationView ViewOf(RoutingPicture picture, Guid id, IReadOnlyDictionary<Guid, int> positions)
    {
        var queued = ConversationState.Queued.ToWire();
        if (picture.CallbacksAhead.TryGetValue(id, out var callbackAt))
        {
            return new ConversationView(id, queued, null, null, CallbackAt: callbackAt);
        }

        if (!positions.TryGetValue(id, out var position))
        {
            return new ConversationView(id, queued, null, null);
        }

        var eta = WaitEstimator.Estimate(picture.Board.WaitInputsFor(id, position)!, picture.MeanHandlingTime);
        var hours = picture.HoursFor(id);
        var open = hours.IsOpen(picture.Now);
        var reason = !open ? "out_of_hours"
            : eta is null ? "no_agent_on_shift"
            : eta.MaxSeconds > options.Value.QueueTarget.TotalSeconds ? "long_wait"
            : null;
        CallbackOffer? offer = null;
        if (reason is not null)
        {
            var slots = Planner.Slots(hours, picture.Now, picture.BookedSlots);
            offer = new CallbackOffer(reason, open ? null : hours.NextOpen(picture.Now),
                [.. slots.Select(s => new CallbackSlotView(s.Start, s.End))], KeepPlace: true);
        }

        return new ConversationView(id, queued, position, null, eta?.MinSeconds, eta?.MaxSeconds, offer);
    }
}
