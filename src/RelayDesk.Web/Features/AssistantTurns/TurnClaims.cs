using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Web.Infrastructure.ScaleOut;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>
/// Makes sure one instance answers a customer message: before the assistant is asked, the instance claims the
/// conversation's turn in the database with one conditional write. The row is free to take when it names an older
/// message, when its owner's heartbeat is stale (a dead instance's turn is taken over), or when it is this instance's
/// own; a live instance's claim on the same message is left alone.
/// </summary>
public sealed class TurnClaims(RelayDeskDbContext db, ThisInstance instance, IOptions<ScaleOutOptions> options, TimeProvider clock)
{
    public async Task<bool> TryClaimAsync(Guid conversationId, long messageSeq, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.InstanceTimeout;
        var me = instance.Id;
        var taken = await db.AssistantTurnClaims
            .Where(c => c.ConversationId == conversationId)
            .Where(c => c.MessageSeq < messageSeq
                || (c.MessageSeq == messageSeq && (c.InstanceId == me || !db.DeskInstances.Any(i => i.Id == c.InstanceId && i.HeartbeatAt >= cutoff))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MessageSeq, messageSeq)
                .SetProperty(c => c.InstanceId, me)
                .SetProperty(c => c.ClaimedAt, now), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        if (await db.AssistantTurnClaims.AnyAsync(c => c.ConversationId == conversationId, cancellationToken))
        {
            return false; // A live instance holds this message (or a later one).
        }

        db.AssistantTurnClaims.Add(new AssistantTurnClaim { ConversationId = conversationId, MessageSeq = messageSeq, InstanceId = me, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another instance inserted the first claim a moment earlier.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
