namespace RelayDesk.Domain;

/// <summary>Something that happened in the domain; dispatched after the transaction that recorded it commits.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
