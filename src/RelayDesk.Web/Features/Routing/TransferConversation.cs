using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Routing;

/// <summary>
/// Hands a conversation on with a note for the next person: to a named agent (they have it at once), or to a team
/// (it goes back to the queue, keeping the customer's place, and only that team's agents are offered it or may take it). The note is for staff only; the customer is told who
/// takes over (or that a team does, and when it is back if it is away now). Supervisors may do the same for any
/// conversation (reassignment).
/// </summary>
public sealed class TransferConversation(ConversationStore store, RelayDeskDbContext db, RoutingSignal signal, IOptions<RoutingOptions> options,
    TimeProvider clock)
{
    public sealed record Request(string? ToAgentId, string? ToTeamId, string? Note);

    public async Task<ConversationDetail> HandleAsync(Guid id, Request request, StaffMember by, bool asSupervisor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var note = request.Note?.Trim() ?? string.Empty;
        if (note.Length > 1000)
        {
            throw new DomainException("transfer.note_too_long", "The note is longer than 1000 characters.");
        }

        if ((request.ToAgentId is null) == (request.ToTeamId is null))
        {
            throw new DomainException("transfer.target_invalid", "Give exactly one of toAgentId or toTeamId.");
        }

        string? toName = null;
        RoutingTeam? toTeam = null;
        if (request.ToAgentId is { } toAgentId)
        {
            toName = await db.Users.AsNoTracking().Where(u => u.Id == toAgentId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("transfer.unknown_agent", "There is no agent with this id.");
        }
        else
        {
            toTeam = await db.RoutingTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.ToTeamId, cancellationToken)
                ?? throw new DomainException("transfer.unknown_team", "There is no team with this id.");
        }

        var teamHours = toTeam is null ? null : options.Value.AroundTheClock ? BusinessHours.AlwaysOpen : toTeam.ToBusinessHours();

        var conversation = await store.ExecuteAsync(id, c =>
        {
            var now = clock.GetUtcNow();
            if (!asSupervisor && c.AssignedAgentId != by.Id)
            {
                throw new DomainException("conversation.not_your_conversation", "This conversation is assigned to another agent.");
            }

            if (request.ToAgentId is { } target)
            {
                c.Transfer(asSupervisor ? null : by.Id, target, toName!, now);
                c.Append(MessageAuthor.System, RoutingTexts.TransferredTo(c.Language, toName!), now);
            }
            else
            {
                c.TransferToTeam(asSupervisor ? null : by.Id, toTeam!.Id, now);
                c.Append(MessageAuthor.System, RoutingTexts.HandedToTeam(c.Language, toTeam.Name), now);
                if (!teamHours!.IsOpen(now))
                {
                    c.Append(MessageAuthor.System, RoutingTexts.OutOfHours(c.Language, teamHours.NextOpen(now), teamHours.TimeZone), now);
                }
            }

            return c;
        }, cancellationToken);

        db.ChangeTracker.Clear();
        db.HandoverNotes.Add(new HandoverNote
        {
            Id = Guid.NewGuid(),
            ConversationId = id,
            FromAgentId = by.Id,
            FromAgentName = by.DisplayName,
            ToAgentId = request.ToAgentId,
            ToTeamId = request.ToTeamId,
            Note = note,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        return ConversationDetail.From(conversation);
    }

    public async Task<HandoverNoteList> NotesAsync(Guid id, CancellationToken cancellationToken)
    {
        var notes = await db.HandoverNotes.AsNoTracking().Where(n => n.ConversationId == id).ToListAsync(cancellationToken);
        return new HandoverNoteList([.. notes.OrderBy(n => n.At).Select(n => new HandoverNoteView(n.FromAgentName, n.ToAgentId, n.ToTeamId, n.Note, n.At))]);
    }

    internal static void Map(RouteGroupBuilder agentGroup, RouteGroupBuilder supervisorGroup)
    {
        agentGroup.MapPost("/conversations/{id:guid}/transfer", async (Guid id, Request request, ClaimsPrincipal user, CurrentAgent current, TransferConversation handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, await current.ResolveAsync(user), asSupervisor: false, ct))
            .WithName("TransferConversation")
            .WithSummary("Hand your conversation to another agent (toAgentId) or team (toTeamId) with a note.");
        agentGroup.MapGet("/conversations/{id:guid}/handover-notes", (Guid id, TransferConversation handler, CancellationToken ct) => handler.NotesAsync(id, ct))
            .WithName("GetHandoverNotes");
        supervisorGroup.MapPost("/conversations/{id:guid}/reassign", async (Guid id, Request request, ClaimsPrincipal user, CurrentAgent current, TransferConversation handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, await current.ResolveAsync(user), asSupervisor: true, ct))
            .WithName("ReassignConversation")
            .WithSummary("Supervisor: move any assigned conversation to another agent or to a team's queue, or hand a waiting one to a team.");
    }
}

public sealed record HandoverNoteView(string From, string? ToAgentId, string? ToTeamId, string Note, DateTimeOffset At);

public sealed record HandoverNoteList(IReadOnlyList<HandoverNoteView> Notes);
