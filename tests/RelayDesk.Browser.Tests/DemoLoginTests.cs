using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class DemoLoginTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Visitor_LogsInAsAnOverdueDemoCustomer_AndTheChatAnswersFromThatAccount()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=demo-login]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator("[data-testid=demo-situation]").SelectOptionAsync("overdue");
        await page.Locator("#demo-language").SelectOptionAsync("en");
        await page.Locator("[data-testid=demo-login-button]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=demo-who]")).ToContainTextAsync("Logged in as");
        await Assertions.Expect(page.Locator("[data-testid=demo-account]")).ToContainTextAsync("overdue");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-author=assistant]").First).ToContainTextAsync("digital assistant", new() { Timeout = Timeout });
        await page.Locator("[data-testid=chat-input]").FillAsync("when is my next payment due");
        await page.Locator("[data-testid=chat-send]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-author=assistant]").Nth(1)).ToContainTextAsync("overdue since", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "demo-customer-login.png"), FullPage = true });
    }

    [Fact]
    public async Task The_agent_who_takes_a_signed_in_customers_chat_sees_the_briefing_and_the_account_and_resends_an_invoice()
    {
        await using var customerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BaseURL = fixture.BaseAddress.ToString() });
        await using var agentContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        customer.SetDefaultTimeout(Timeout);
        agent.SetDefaultTimeout(Timeout);

        await customer.GotoAsync("/");
        await customer.Locator("[data-testid=demo-situation]").SelectOptionAsync("due-soon");
        await customer.Locator("#demo-language").SelectOptionAsync("de");
        await customer.Locator("[data-testid=demo-login-button]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=demo-who]")).ToContainTextAsync("Logged in as");
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await customer.Locator("[data-testid=chat-input]").FillAsync("Ich habe die Rechnung nicht bekommen, können Sie sie nochmal schicken?");
        await customer.Locator("[data-testid=chat-send]").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]")).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await customer.Locator("[data-testid=talk-to-human]").ClickAsync();

        await agent.SignInToWorkspaceAsync("agent1@demo.local");
        var queueItem = agent.Locator("[data-testid=queue-item]").Filter(new() { HasText = "Rechnung" });
        await queueItem.Locator("[data-testid=accept-button]").ClickAsync();

        // The briefing names the errand and offers German replies; the account of the signed-in customer is beside it.
        await Assertions.Expect(agent.Locator("[data-testid=case-summary]")).ToContainTextAsync("Rechnung");
        await Assertions.Expect(agent.Locator("[data-testid=suggested-reply]").First).ToContainTextAsync("Hallo");
        var panel = agent.Locator("[data-testid=account-panel]");
        await Assertions.Expect(panel).ToContainTextAsync("Customer account C-");
        await panel.Locator("[data-testid=errand-resend]").First.ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=errand-outcome]")).ToContainTextAsync("sent again to");

        // A suggestion only fills the reply box.
        await agent.Locator("[data-testid=suggested-reply]").First.ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=agent-input] textarea, textarea[data-testid=agent-input]").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Hallo"));
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=agent]")).ToHaveCountAsync(0);
        await agent.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "agent-briefing-account.png"), FullPage = true });
    }

    [Fact]
    public async Task The_agent_hands_a_chat_to_a_team_with_a_note_and_it_waits_for_that_team()
    {
        await using var customerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        await using var agentContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        customer.SetDefaultTimeout(Timeout);
        agent.SetDefaultTimeout(Timeout);

        await customer.GotoAsync("/");
        await Assertions.Expect(customer.Locator("[data-testid=chat-message][data-author=assistant]").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await customer.Locator("[data-testid=chat-input]").FillAsync("My parcel never arrived and I am still asked to pay");
        await customer.Locator("[data-testid=chat-send]").ClickAsync();
        await customer.Locator("[data-testid=talk-to-human]").ClickAsync();

        await agent.SignInToWorkspaceAsync("agent2@demo.local");
        await agent.Locator("[data-testid=queue-item]").Filter(new() { HasText = "parcel" }).Locator("[data-testid=accept-button]").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=conversation-state]")).ToHaveTextAsync("assigned");

        await agent.Locator("[data-testid=transfer-target]").ClickAsync();
        await agent.Locator("[data-testid=transfer-option-team]").First.ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=transfer-button]")).ToBeEnabledAsync();
        await agent.Locator("[data-testid=transfer-note] input, input[data-testid=transfer-note]").First.FillAsync("Merchant dispute, customer already waited long");
        await agent.Locator("[data-testid=transfer-button]").ClickAsync();

        await Assertions.Expect(agent.Locator("[data-testid=conversation-state]")).ToHaveTextAsync("queued");
        await Assertions.Expect(agent.Locator("[data-testid=queue-item]").Filter(new() { HasText = "parcel" })).ToContainTextAsync("team");
    }
}
