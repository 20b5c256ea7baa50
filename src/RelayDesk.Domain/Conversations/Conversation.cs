using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Conversations;

/// <summary>
/// The conversation aggregate: a customer's chat from the assistant's greeting to its close, with every transition
/// guarded. State machine: Assistant → Queued → Assigned → Resolved → Closed; a human request re-queues a resolved
/// conversation; a conversation can be closed from any state but Closed.
/// </summary>
public sealed class Conversation
{
    private const char RecentTextSeparator = '\u001f';

    private readonly List<Message> _messages = [];
    private readonly List<IDomainEvent> _events = [];

    private Conversation()
    {
        Language = "en";
    }

    public Guid Id { get; private set; }

    /// <summary>Two-letter language the customer is served in (<c>de</c> or <c>en</c>).</summary>
    public string Language { get; private set; }

    /// <summary>The known customer's id when the chat was started with a customer token; null for anonymous chats.</summary>
    public string? CustomerId { get; private set; }

    public ConversationState State { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When a person was first asked for in the current queue episode; the human-access clock starts here.</summary>
    public DateTimeOffset? HumanRequestedAt { get; private set; }

    /// <summary>The rule that handed the conversation to people (<c>button</c> for the button).</summary>
    public string? EscalationRuleId { get; private set; }

    /// <summary>Why the conversation left the assistant, in words an agent can read.</summary>
    public string? EscalationReason { get; private set; }

    /// <summary>The customer's words (or the control) that showed it.</summary>
    public string? EscalationEvidence { get; private set; }

    public double? EscalationConfidence { get; private set; }

    public EscalationPriority EscalationPriority { get; private set; }

    /// <summary>The skills the person needs, comma-separated (stored flat; read through <see cref="Escalation"/>).</summary>
    public string EscalationSkills { get; private set; } = string.Empty;

    /// <summary>The decision that brought people in, or null while the assistant serves the conversation.</summary>
    public EscalationDecision? Escalation => EscalationRuleId is null
        ? null
        : new EscalationDecision(true, EscalationRuleId, EscalationReason ?? string.Empty, EscalationEvidence, EscalationConfidence ?? 1,
            EscalationPriority, EscalationSkills.Length == 0 ? [] : EscalationSkills.Split(','));

    public int MissStreak { get; private set; }

    public string? LastIntent { get; private set; }

    public int IntentStreak { get; private set; }

    public int NegativeStreak { get; private set; }

    /// <summary>The customer's recent messages, folded, separated by U+001F (for the repetition check).</summary>
    public string RecentTexts { get; private set; } = string.Empty;

    public bool LastTurnWasRefusal { get; private set; }

    /// <summary>What the escalation rules remember from earlier turns.</summary>
    public EscalationMemory Memory => new(MissStreak, LastIntent, IntentStreak, NegativeStreak,
        RecentTexts.Length == 0 ? [] : RecentTexts.Split(RecentTextSeparator), LastTurnWasRefusal);

    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>
    /// The team the conversation was handed to: while it waits, only that team's agents are offered it or may take it.
    /// Null: anyone on the desk. Kept while a team agent has it (if they drop it, it goes back to the team).
    /// </summary>
    public string? TeamId { get; private set; }

    public string? AssignedAgentId { get; private set; }

    public string? AssignedAgentName { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Where agents' replies go by e-mail while the customer is away from the chat ("keep my place and reply by
    /// e-mail"); null when the customer did not choose it.
    /// </summary>
    public string? EmailReplyTo { get; private set; }

    public DateTimeOffset? EmailReplyChosenAt { get; private set; }

    /// <summary>The highest message sequence number so far (0 before the first message).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Bumped on every change; persistence uses it to refuse a concurrent write (no double assignment).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Message> Messages => _messages;

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    public static Conversation Start(Guid id, string language, string? customerId, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A conversation needs an id.", nameof(id));
        }

        var conversation = new Conversation
        {
            Id = id,
            Language = SupportedLanguages.Normalize(language),
            CustomerId = customerId,
            State = ConversationState.Assistant,
            StartedAt = now,
        };
        conversation._events.Add(new ConversationStarted(id, conversation.Language, now));
        return conversation;
    }

    /// <summary>
    /// The customer writes in another of the desk's languages than the conversation started in: replies, hand-off texts
    /// and routing follow. Returns false when it already was that language.
    /// </summary>
    public bool SwitchLanguage(string language)
    {
        var code = SupportedLanguages.Normalize(language);
        if (code == Language)
        {
            return false;
        }

        Language = code;
        return true;
    }

    /// <summary>
    /// Appends a message, or — when <paramref name="clientMessageId"/> was seen before — returns the message stored
    /// the first time, so a retried send is acknowledged again and stored once.
    /// </summary>
    public AppendResult Append(MessageAuthor author, string? text, DateTimeOffset now, string? clientMessageId = null,
        string? authorId = null, string? authorName = null)
    {
        if (clientMessageId is not null)
        {
            if (clientMessageId.Length == 0 || clientMessageId.Length > Message.MaxClientMessageIdLength)
            {
                throw new DomainException("message.client_id_invalid",
                    $"clientMessageId must be 1 to {Message.MaxClientMessageIdLength} characters.");
            }

            var earlier = _messages.FirstOrDefault(m => m.ClientMessageId == clientMessageId);
            if (earlier is not null)
            {
                return new AppendResult(earlier, Duplicate: true);
            }
        }

        var body = ValidateText(text);
        EnsureAuthorMayWrite(author, authorId);

        var message = new Message(Id, LastSeq + 1, clientMessageId, author, authorId, authorName, body, now);
        _messages.Add(message);
        LastSeq = message.Seq;
        Touch(new MessageAppended(Id, message.Seq, author, now));
        return new AppendResult(message, Duplicate: false);
    }

    /// <summary>
    /// Hands the conversation to people. Honoured in every open state: from the assistant (or after a resolution) it
    /// is queued with the decision's priority and skills; already queued or with an agent it stays where it is
    /// (returns false: nothing changed).
    /// </summary>
    public bool RequestHuman(EscalationDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Escalate)
        {
            throw new ArgumentException("Only a decision to escalate hands a conversation to people.", nameof(decision));
        }

        switch (State)
        {
            case ConversationState.Queued or ConversationState.Assigned:
                return false;
            case ConversationState.Closed:
                throw new DomainException("conversation.closed",
                    "This conversation is closed. Start a new chat to reach a person.");
        }

        State = ConversationState.Queued;
        HumanRequestedAt = now;
        QueuedAt = now;
        EscalationRuleId = decision.RuleId;
        EscalationReason = decision.Reason;
        EscalationEvidence = Truncate(decision.Evidence, 500);
        EscalationConfidence = decision.Confidence;
        EscalationPriority = decision.Priority;
        EscalationSkills = string.Join(',', decision.Skills);
        TeamId = null;
        AssignedAgentId = null;
        AssignedAgentName = null;
        AssignedAt = null;
        ResolvedAt = null;
        Touch(new HumanRequested(Id, decision.RuleId, decision.Priority, now));
        return true;
    }

    /// <summary>Keeps what the escalation rules need to remember after an assistant turn.</summary>
    public void RememberTurn(EscalationMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        MissStreak = memory.MissStreak;
        LastIntent = Truncate(memory.LastIntent, 100);
        IntentStreak = memory.IntentStreak;
        NegativeStreak = memory.NegativeStreak;
        RecentTexts = string.Join(RecentTextSeparator, memory.RecentTexts.Select(t => Truncate(t, 300)));
        LastTurnWasRefusal = memory.LastTurnWasRefusal;
        Version++;
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    /// <summary>An agent takes a queued conversation.</summary>
    public void Assign(string agentId, string agentName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        if (State != ConversationState.Queued)
        {
            throw State == ConversationState.Assigned
                ? new DomainException("conversation.already_assigned", "Another agent has already taken this conversation.")
                : IllegalMove("assign");
        }

        State = ConversationState.Assigned;
        AssignedAgentId = agentId;
        AssignedAgentName = agentName;
        AssignedAt = now;
        Touch(new ConversationAssigned(Id, agentId, now));
    }

    /// <summary>
    /// Puts an assigned conversation back in the queue (its agent went offline, or a supervisor takes it away); the
    /// original request time is kept, so the wait the customer already had still counts.
    /// </summary>
    public void ReturnToQueue(DateTimeOffset now)
    {
        if (State != ConversationState.Assigned)
        {
            throw IllegalMove("return to the queue");
        }

        var from = AssignedAgentId!;
        State = ConversationState.Queued;
        QueuedAt = now;
        AssignedAgentId = null;
        AssignedAgentName = null;
        AssignedAt = null;
        Touch(new ConversationReturnedToQueue(Id, from, now));
    }

    /// <summary>
    /// Hands an assigned conversation to a team: it goes back to the queue (keeping the customer's place) for that
    /// team's agents only. By the agent who has it, or by a supervisor (<paramref name="byAgentId"/> null), who may
    /// also hand a waiting conversation to a team.
    /// </summary>
    public void TransferToTeam(string? byAgentId, string teamId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        if (State == ConversationState.Queued && byAgentId is null)
        {
            TeamId = teamId;
            Touch(new ConversationHandedToTeam(Id, teamId, now));
            return;
        }

        if (State != ConversationState.Assigned)
        {
            throw IllegalMove("transfer");
        }

        if (byAgentId is not null)
        {
            EnsureAssignedTo(byAgentId);
        }

        ReturnToQueue(now);
        TeamId = teamId;
    }

    /// <summary>
    /// Hands an assigned conversation to another agent: by the agent who has it, or by a supervisor
    /// (<paramref name="byAgentId"/> null).
    /// </summary>
    public void Transfer(string? byAgentId, string toAgentId, string toAgentName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAgentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(toAgentName);
        if (State != ConversationState.Assigned)
        {
            throw IllegalMove("transfer");
        }

        if (byAgentId is not null)
        {
            EnsureAssignedTo(byAgentId);
        }

        if (toAgentId == AssignedAgentId)
        {
            throw new DomainException("conversation.transfer_to_same_agent", "The conversation is already with this agent.");
        }

        var from = AssignedAgentId!;
        TeamId = null;
        AssignedAgentId = toAgentId;
        AssignedAgentName = toAgentName;
        AssignedAt = now;
        Touch(new ConversationTransferred(Id, from, toAgentId, now));
    }

    /// <summary>The assigned agent marks the case resolved.</summary>
    public void Resolve(string agentId, DateTimeOffset now)
    {
        if (State != ConversationState.Assigned)
        {
            throw IllegalMove("resolve");
        }

        EnsureAssignedTo(agentId);
        State = ConversationState.Resolved;
        ResolvedAt = now;
        Touch(new ConversationResolved(Id, agentId, now));
    }

    /// <summary>
    /// The waiting customer keeps their place and asks for replies by e-mail. Only while waiting for a person; choosing
    /// again replaces the address. Returns false when that address was already chosen.
    /// </summary>
    public bool ChooseEmailReply(string? address, DateTimeOffset now)
    {
        if (State != ConversationState.Queued)
        {
            throw new DomainException("conversation.not_queued",
                "Replies by e-mail can be chosen while you are waiting for a person.");
        }

        var email = EmailAddress.Normalize(address);
        if (email == EmailReplyTo)
        {
            return false;
        }

        EmailReplyTo = email;
        EmailReplyChosenAt = now;
        Touch(new EmailReplyChosen(Id, now));
        return true;
    }

    /// <summary>Ends the conversation for good; nothing can be written afterwards.</summary>
    public void Close(DateTimeOffset now)
    {
        if (State == ConversationState.Closed)
        {
            throw new DomainException("conversation.closed", "This conversation is already closed.");
        }

        State = ConversationState.Closed;
        ClosedAt = now;
        Touch(new ConversationClosed(Id, now));
    }

    /// <summary>Hands the recorded events to the caller (for dispatch after commit) and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }

    private static string ValidateText(string? text)
    {
        var body = text?.Trim() ?? string.Empty;
        if (body.Length == 0)
        {
            throw new DomainException("message.empty", "Message is empty.");
        }

        if (body.Length > Message.MaxTextLength)
        {
            throw new DomainException("message.too_long",
                $"Message is longer than {Message.MaxTextLength} characters.");
        }

        return body;
    }

    private void EnsureAuthorMayWrite(MessageAuthor author, string? authorId)
    {
        if (State == ConversationState.Closed)
        {
            throw new DomainException("conversation.closed", "Conversation is closed.");
        }

        switch (author)
        {
            case MessageAuthor.Customer when State == ConversationState.Resolved:
                throw new DomainException("conversation.resolved",
                    "This conversation was resolved. Ask for a person again or start a new chat.");
            case MessageAuthor.Assistant when State != ConversationState.Assistant:
                throw new DomainException("conversation.not_with_assistant",
                    "The assistant no longer serves this conversation.");
            case MessageAuthor.Agent:
                if (State != ConversationState.Assigned)
                {
                    throw new DomainException("conversation.not_assigned",
                        "Accept the conversation before writing to the customer.");
                }

                EnsureAssignedTo(authorId);
                break;
        }
    }

    private void EnsureAssignedTo(string? agentId)
    {
        if (agentId is null || agentId != AssignedAgentId)
        {
            throw new DomainException("conversation.not_your_conversation",
                "This conversation is assigned to another agent.");
        }
    }

    private DomainException IllegalMove(string action) =>
        new("conversation.illegal_transition",
            $"Cannot {action} a conversation that is {State.ToString().ToLowerInvariant()}.");

    private void Touch(IDomainEvent domainEvent)
    {
        Version++;
        _events.Add(domainEvent);
    }
}

/// <summary>The stored message and whether it had been stored before (a retried send).</summary>
public sealed record AppendResult(Message Message, bool Duplicate);
