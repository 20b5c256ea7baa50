using RelayDesk.Data.Routing;

namespace RelayDesk.Web.Features.Routing;

/// <summary>An offer as the agent sees it: which conversation, until when, and why it came to them.</summary>
public sealed record OfferView(Guid Id, Guid ConversationId, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, string Outcome, string Why)
{
    public static OfferView From(RoutingOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new(offer.Id, offer.ConversationId, offer.OfferedAt, offer.ExpiresAt, offer.Outcome.ToString().ToLowerInvariant(), offer.Why);
    }
}

public sealed record OfferList(IReadOnlyList<OfferView> Offers);
