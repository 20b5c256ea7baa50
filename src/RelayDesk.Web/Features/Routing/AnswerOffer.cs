using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;
using RelayDesk.Web.Features.Agent;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// The agent accepts or declines a conversation offered to them. Accepting assigns it through the same guarded path
/// as picking from the queue, so a conversation taken meanwhile is refused (409) and never assigned twice; a decline
/// sends it to the next agent at once.
/// </summary>
public sealed class AnswerOffer(RelayDeskDbContext db, AcceptConversation accept, RoutingSignal signal, TimeProvider clock)
{
    public async Task<ConversationDetail> AcceptAsync(Guid offerId, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var offer = await OpenOfferAsync(offerId, agent.Id, cancellationToken);
        try
        {
            var detail = await accept.HandleAsync(offer.ConversationId, agent, cancellationToken);
            await CloseAsync(offerId, OfferOutcome.Accepted, cancellationToken);
            return detail;
        }
        catch (DomainException)
        {
            await CloseAsync(offerId, OfferOutcome.Withdrawn, cancellationToken);
            throw;
        }
        finally
        {
            signal.Poke();
        }
    }

    public async Task<OfferView> DeclineAsync(Guid offerId, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await OpenOfferAsync(offerId, agent.Id, cancellationToken);
        var closed = await CloseAsync(offerId, OfferOutcome.Declined, cancellationToken);
        signal.Poke();
        return OfferView.From(closed);
    }

    public async Task<OfferList> PendingAsync(string agentId, CancellationToken cancellationToken)
    {
        var offers = await db.RoutingOffers.AsNoTracking()
            .Where(o => o.AgentId == agentId && o.Outcome == OfferOutcome.Pending)
            .ToListAsync(cancellationToken);
        return new OfferList([.. offers.OrderBy(o => o.OfferedAt).Select(OfferView.From)]);
    }

    private async Task<RoutingOffer> OpenOfferAsync(Guid offerId, string agentId, CancellationToken cancellationToken)
    {
        var offer = await db.RoutingOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.AgentId == agentId, cancellationToken)
            ?? throw new OfferNotFoundException();
        if (offer.Outcome != OfferOutcome.Pending || offer.ExpiresAt <= clock.GetUtcNow())
        {
            throw new DomainException("conversation.offer_closed", "This offer has ended; the conversation went on to someone else.");
        }

        return offer;
    }

    private async Task<RoutingOffer> CloseAsync(Guid offerId, OfferOutcome outcome, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var offer = await db.RoutingOffers.SingleAsync(o => o.Id == offerId, cancellationToken);
        offer.Outcome = outcome;
        offer.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return offer;
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/offers", async (ClaimsPrincipal user, CurrentAgent current, AnswerOffer handler, CancellationToken ct) =>
                await handler.PendingAsync((await current.ResolveAsync(user)).Id, ct))
            .WithName("GetMyOffers");
        group.MapPost("/offers/{id:guid}/accept", async (Guid id, ClaimsPrincipal user, CurrentAgent current, AnswerOffer handler, CancellationToken ct) =>
                await handler.AcceptAsync(id, await current.ResolveAsync(user), ct))
            .WithName("AcceptOffer");
        group.MapPost("/offers/{id:guid}/decline", async (Guid id, ClaimsPrincipal user, CurrentAgent current, AnswerOffer handler, CancellationToken ct) =>
                await handler.DeclineAsync(id, await current.ResolveAsync(user), ct))
            .WithName("DeclineOffer");
    }
}

/// <summary>No such offer for this agent (reported as 404, never revealing offers to others).</summary>
public sealed class OfferNotFoundException() : Exception("Offer not found.");
