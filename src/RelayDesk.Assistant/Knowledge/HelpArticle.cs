namespace RelayDesk.Assistant.Knowledge;

/// <summary>A help-centre article in one language. The same <see cref="TopicId"/> links its translations.</summary>
public sealed record HelpArticle(
    string Id,
    string TopicId,
    string Language,
    string Category,
    string Title,
    string Body,
    IReadOnlyList<string> Keywords);
