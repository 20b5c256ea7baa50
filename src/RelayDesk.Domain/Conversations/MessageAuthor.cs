namespace RelayDesk.Domain.Conversations;

public enum MessageAuthor
{
    Customer,
    Assistant,
    Agent,
    System,
}
