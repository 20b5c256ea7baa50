namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>Replies by e-mail for customers who keep their place and leave the chat.</summary>
public sealed class EmailReplyOptions
{
    public const string Section = "EmailReplies";

    /// <summary>The page with the chat widget that the e-mail links back to (the widget resumes the stored chat there).</summary>
    public Uri ChatPageUrl { get; set; } = new("http://localhost:5080/");
}
