using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Infrastructure.RateLimiting;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// The waiting customer books one of the offered callback slots. The conversation leaves the live queue and joins
/// it again at the slot's time; the booking counts for the human-access target. A slot that is not offered (taken,
/// outside business hours, too soon) is refused with problem details.
/// </summary>
public sealed class BookCallback(ConversationStore store, RelayDeskDbContext db, RoutingPictureLoader loader, WaitingRoom waitingRoom,
    RoutingSignal signal, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public sealed record Request(DateTimeOffset? SlotStart);

    public async Task<ConversationView> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SlotStart is not { } slotStart)
        {
            throw new DomainException("callback.slot_missing", "slotStart is required (one of the offered slots).");
        }

        var conversation = await store.LoadRowAsync(id, cancellationToken) ?? throw new ConversationNotFoundException(id);
        if (conversation.State != ConversationState.Queued)
        {
            throw new DomainException("conversation.not_queued", "A callback can be booked while you are waiting for a person.");
        }

        var picture = await loader.LoadAsync(cancellationToken);
        var start = slotStart.ToUniversalTime();
        var hours = picture.HoursFor(id);
        if (!waitingRoom.Planner.IsBookable(hours, picture.Now, picture.BookedSlots, start))
        {
            throw new DomainException("callback.slot_unavailable", "This callback time is not available. Pick one of the offered slots.");
        }

        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveBookingAsync(id, start, conversation.HumanRequestedAt ?? now, now, cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone else wrote at the same moment: another customer took the place (perhaps on another instance),
                // or the routing pass opened the SLA entry for this request. Book again against what is stored.
            }
        }

        var updated = await store.ExecuteAsync(id, c =>
        {
            c.Append(MessageAuthor.System, RoutingTexts.CallbackBooked(c.Language, start, hours.TimeZone), now);
            return c;
        }, cancellationToken);
        signal.Poke();
        return await waitingRoom.ViewAsync(updated, cancellationToken);
    }

    private async Task SaveBookingAsync(Guid id, DateTimeOffset start, DateTimeOffset requestedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        foreach (var earlier in await db.CallbackBookings.Where(b => b.ConversationId == id && b.Status == CallbackStatus.Booked).ToListAsync(cancellationToken))
        {
            earlier.Status = CallbackStatus.Cancelled;
        }

        var taken = await db.CallbackBookings.AsNoTracking().Where(b => b.SlotStart == start && b.Status == CallbackStatus.Booked)
            .Select(b => b.Place).ToListAsync(cancellationToken);
        var place = Enumerable.Range(0, waitingRoom.Planner.PerSlot).Except(taken).Cast<int?>().FirstOrDefault()
            ?? throw new DomainException("callback.slot_unavailable", "This callback time is not available. Pick one of the offered slots.");
        db.CallbackBookings.Add(new CallbackBooking { Id = Guid.NewGuid(), ConversationId = id, SlotStart = start, BookedAt = now, Status = CallbackStatus.Booked, Place = place });
        var entry = await db.HumanAccess.SingleOrDefaultAsync(e => e.ConversationId == id && e.RequestedAt == requestedAt, cancellationToken);
        if (entry is null)
        {
            entry = new HumanAccessEntry { Id = Guid.NewGuid(), ConversationId = id, RequestedAt = requestedAt };
            db.HumanAccess.Add(entry);
        }

        entry.CallbackBookedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/callback", (Guid id, Request request, ClaimsPrincipal user, BookCallback handler, CancellationToken ct) =>
                handler.HandleAsync(CustomerAccess.EnsureOwn(user, id), request, ct))
            .RequireRateLimiting(RateLimitPolicies.ConversationWrites)
            .WithName("BookCallback")
            .WithSummary("Book one of the offered callback slots instead of waiting.");
}
