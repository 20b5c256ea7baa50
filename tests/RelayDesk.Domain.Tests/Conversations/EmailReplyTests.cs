using RelayDesk.Domain.Conversations;

namespace RelayDesk.Domain.Tests.Conversations;

public class EmailReplyTests
{
    private static readonly DateTimeOffset Later = ConversationBuilder.T0.AddMinutes(5);

    [Theory]
    [InlineData("max@example.de")]
    [InlineData("max.mustermann+bnpl@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("jürgen@müller.de")]
    public void PlainAddresses_AreValid(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData("")]
    [InlineData("max")]
    [InlineData("@example.de")]
    [InlineData("max@")]
    [InlineData("max@example")]
    [InlineData("max@example.d")]
    [InlineData("max@@example.de")]
    [InlineData("max@exa mple.de")]
    [InlineData("max@example..de")]
    [InlineData(".max@example.de")]
    [InlineData("max.@example.de")]
    [InlineData("<max@example.de>")]
    [InlineData("max@example.de,eve@example.de")]
    [InlineData("max@-example.de")]
    public void MalformedAddresses_AreNot(string email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void AnAddressLongerThan254Characters_IsRefused() =>
        Assert.False(EmailAddress.IsValid(new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".de"));

    [Fact]
    public void Normalize_TrimsAndLowersTheDomainOnly() =>
        Assert.Equal("Max.Mustermann@example.de", EmailAddress.Normalize("  Max.Mustermann@EXAMPLE.de "));

    [Fact]
    public void AWaitingCustomer_ChoosesRepliesByEmail_OnceForTheSameAddress()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();
        conversation.TakeDomainEvents();

        Assert.True(conversation.ChooseEmailReply("max@example.de", Later));
        Assert.False(conversation.ChooseEmailReply("max@EXAMPLE.de", Later.AddMinutes(1)));

        Assert.Equal("max@example.de", conversation.EmailReplyTo);
        Assert.Equal(Later, conversation.EmailReplyChosenAt);
        Assert.IsType<EmailReplyChosen>(Assert.Single(conversation.DomainEvents));
        Assert.True(conversation.ChooseEmailReply("erika@example.de", Later.AddMinutes(2)));
        Assert.Equal("erika@example.de", conversation.EmailReplyTo);
    }

    [Theory]
    [InlineData(ConversationState.Assistant)]
    [InlineData(ConversationState.Assigned)]
    [InlineData(ConversationState.Resolved)]
    [InlineData(ConversationState.Closed)]
    public void OnlyWhileWaitingForAPerson(ConversationState state)
    {
        var conversation = new ConversationBuilder().In(state).AssignedTo("anna").Build();

        var refused = Assert.Throws<DomainException>(() => conversation.ChooseEmailReply("max@example.de", Later));

        Assert.Equal("conversation.not_queued", refused.Code);
        Assert.Null(conversation.EmailReplyTo);
    }

    [Fact]
    public void ABadAddress_IsRefusedAndNothingChanges()
    {
        var conversation = new ConversationBuilder().In(ConversationState.Queued).Build();

        Assert.Equal("email.invalid", Assert.Throws<DomainException>(() => conversation.ChooseEmailReply("max@", Later)).Code);
        Assert.Equal("email.missing", Assert.Throws<DomainException>(() => conversation.ChooseEmailReply("  ", Later)).Code);
        Assert.Null(conversation.EmailReplyTo);
    }
}
