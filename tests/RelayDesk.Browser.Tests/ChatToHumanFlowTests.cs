using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class ChatToHumanFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task CustomerAndAgent_CompleteTheFlowInTwoBrowserContexts()
    {
        await using var customerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        await using var agentContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        customer.SetDefaultTimeout(Timeout);
        agent.SetDefaultTimeout(Timeout);

        // The customer opens the demo page: the assistant greets them, and answers a help question.
        await customer.GotoAsync("/");
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]").First).ToContainTextAsync("digital assistant", new() { Timeout = Timeout });
        await customer.Locator("[data-testid=chat-input]").FillAsync("How long does it take until I get my refund?");
        await customer.Locator("[data-testid=chat-send]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]")).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]").Nth(1)).ToContainTextAsync("business days");

        // "Talk to a human" puts them in the queue, and they see their place.
        await customer.Locator("[data-testid=talk-to-human]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-status]")).ToContainTextAsync("number 1 in the queue");

        // The agent signs in and sees the conversation in the live queue.
        await agent.SignInToWorkspaceAsync("agent3@demo.local");
        var queueItem = agent.Locator("[data-testid=queue-item]");
        await Assertions.Expect(queueItem).ToHaveCountAsync(1);
        await Assertions.Expect(queueItem).ToContainTextAsync("refund");

        // Accepting shows the whole transcript, the assistant's part included; the customer sees the agent join.
        await queueItem.Locator("[data-testid=accept-button]").ClickAsync();
        var transcript = agent.Locator("[data-testid=transcript]");
        await Assertions.Expect(transcript.Locator("[data-author=customer]")).ToContainTextAsync("refund");
        await Assertions.Expect(transcript.Locator("[data-author=assistant]")).ToHaveCountAsync(2);
        await Assertions.Expect(customer.Locator("[data-testid=chat-status]")).ToContainTextAsync("Clara Schmidt");

        // They chat in real time.
        await agent.Locator("[data-testid=agent-input] textarea, textarea[data-testid=agent-input]").First.FillAsync("Hi, this is Clara. I'm checking your refund now.");
        await agent.Locator("[data-testid=agent-send]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=agent]")).ToContainTextAsync("checking your refund");
        await customer.Locator("[data-testid=chat-input]").FillAsync("Thank you, Clara!");
        await customer.Locator("[data-testid=chat-send]").ClickAsync();
        await Assertions.Expect(transcript.Locator("[data-author=customer]").Last).ToContainTextAsync("Thank you, Clara!");

        await customer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-chat.png") });
        await agent.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "agent-workspace.png"), FullPage = true });

        // The agent resolves; the customer sees it.
        await agent.Locator("[data-testid=resolve-button]").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=conversation-state]")).ToHaveTextAsync("resolved");
        await Assertions.Expect(customer.Locator("[data-testid=chat-status]")).ToContainTextAsync("resolved");
        await customer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-resolved.png") });
    }
}
